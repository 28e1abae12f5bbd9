-- INSERT ... SELECT with a CTE attached to the INSERT: never inlined, rules out pushdown (reference 3.8, 7.4, 10.10)
-- expect: unsupported (INSERT ... SELECT, CTE); Citus: repartition
WITH src AS (SELECT customer_id, amount FROM orders WHERE customer_id > 250)
INSERT INTO order_stats (customer_id, n, total)
SELECT customer_id, count(*), sum(amount) FROM src GROUP BY customer_id;
