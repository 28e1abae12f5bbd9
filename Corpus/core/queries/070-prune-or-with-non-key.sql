-- pruning table 4.2: id = 1 OR score > 2 has a branch without a usable constraint
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers WHERE id = 1 OR score > 2;
