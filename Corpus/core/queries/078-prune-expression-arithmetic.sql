-- pruning table 4.2: id + 0 = 5 (expression on the column)
-- expect: multi-shard, 32 tasks
SELECT * FROM customers WHERE id + 0 = 5;
