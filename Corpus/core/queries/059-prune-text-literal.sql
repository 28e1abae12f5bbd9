-- pruning table 4.2: id = '5' (unknown literal coerced to bigint)
-- expect: fast-path router, 1 task (shard of 5)
SELECT * FROM customers WHERE id = '5';
