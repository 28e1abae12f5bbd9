-- pruning table 4.2: range operators do not prune a hash table
-- expect: multi-shard, 32 tasks
SELECT * FROM customers WHERE id BETWEEN 1 AND 3;
