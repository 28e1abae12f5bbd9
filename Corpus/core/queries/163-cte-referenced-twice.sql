-- CTE referenced twice: not inlined, subplans 1..3 including the scalar subqueries (reference 7.4, 9)
-- expect: unsupported (CTE not inlined); Citus: subplans n_1 (32 tasks), n_2, n_3 and a final task on the local node
WITH big AS (SELECT customer_id, amount FROM orders WHERE amount > 70)
SELECT (SELECT count(*) FROM big) AS count, (SELECT max(amount) FROM big) AS max;
