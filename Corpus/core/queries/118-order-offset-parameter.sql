-- OFFSET is a parameter, not a Const: no worker LIMIT in a generic plan (reference 5.4)
-- params: $1 = 1990
-- expect: multi-shard, 32 tasks; custom plan: worker LIMIT 1995; generic plan: no worker LIMIT
SELECT id, amount FROM orders ORDER BY id LIMIT 5 OFFSET $1;
