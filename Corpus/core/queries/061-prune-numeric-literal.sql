-- pruning table 4.2: id = 5.0 (numeric constant, assignment coercion to 5)
-- expect: fast-path router, 1 task (shard of 5)
SELECT * FROM customers WHERE id = 5.0;
