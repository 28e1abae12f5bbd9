-- a subquery in HAVING of a query grouped by a non-distribution column: HAVING runs on the coordinator, which cannot run the subquery
-- expect: unsupported
SELECT c.country, count(*) FROM customers c GROUP BY c.country HAVING count(*) > (SELECT count(*) FROM orders o WHERE o.customer_id = 1);
