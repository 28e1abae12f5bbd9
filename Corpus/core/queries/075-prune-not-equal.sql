-- pruning table 4.2: id <> 5
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers WHERE id <> 5;
