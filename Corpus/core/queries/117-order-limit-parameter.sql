-- LIMIT is a parameter, not a Const: no worker LIMIT in a generic plan (reference 5.4)
-- params: $1 = 5
-- expect: multi-shard, 32 tasks; custom plan: worker LIMIT 5; generic plan: no worker LIMIT
SELECT id, amount FROM orders ORDER BY id LIMIT $1;
