-- pruning table 4.2: id = 5::int (int4 constant against the bigint key)
-- expect: fast-path router, 1 task (shard of 5)
SELECT * FROM customers WHERE id = 5::int;
