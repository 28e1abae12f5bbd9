-- pruning table 4.2: id = ANY(ARRAY[id, 2]), the array is not a constant
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers WHERE id = ANY(ARRAY[id, 2]);
