-- pruning table 4.2: id = ANY(ARRAY[1,2,3,4,5])
-- expect: multi-shard, 5 tasks
SELECT * FROM customers WHERE id = ANY(ARRAY[1, 2, 3, 4, 5]);
