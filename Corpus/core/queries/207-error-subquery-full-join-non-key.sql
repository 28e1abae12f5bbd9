-- FULL JOIN of a grouped subquery with a colocated table on a column that is not the distribution column
-- expect: unsupported (recursive planning)
SELECT count(*) FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) s FULL JOIN customers c ON c.score = s.customer_id;
