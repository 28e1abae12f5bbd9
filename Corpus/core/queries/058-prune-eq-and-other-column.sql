-- pruning table 4.2: id = 1 AND score = 2
-- expect: fast-path router, 1 task
SELECT * FROM customers WHERE id = 1 AND score = 2;
