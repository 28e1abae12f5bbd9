-- pruning table 4.2: id::text = '5' (expression on the column)
-- expect: multi-shard, 32 tasks
SELECT * FROM customers WHERE id::text = '5';
