-- fast-path router: one order by its key
-- expect: fast-path router, 1 task
SELECT * FROM orders WHERE o_orderkey = 7;
