-- a router query may use ROLLUP (reference 3.3, 5.3)
-- expect: fast-path router, 1 task
SELECT status, flags, count(*) FROM orders WHERE customer_id = 5 GROUP BY ROLLUP (status, flags) ORDER BY status, flags;
