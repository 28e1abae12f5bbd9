-- subquery in HAVING that refers to the outer query (reference 5.3, 7.3, 8)
-- expect: error: Subqueries in HAVING cannot refer to outer query
SELECT status FROM orders o GROUP BY status HAVING count(*) > (SELECT count(*) FROM customers c WHERE c.country = o.status);
