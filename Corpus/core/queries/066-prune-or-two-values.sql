-- pruning table 4.2: id = 1 OR id = 2
-- expect: multi-shard, 2 tasks
SELECT * FROM customers WHERE id = 1 OR id = 2;
