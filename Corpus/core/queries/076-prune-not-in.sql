-- pruning table 4.2: id NOT IN (1,2)
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers WHERE id NOT IN (1, 2);
