-- pruning table 4.2: id = 1 OR id IS NULL
-- expect: multi-shard, 32 tasks
SELECT * FROM customers WHERE id = 1 OR id IS NULL;
