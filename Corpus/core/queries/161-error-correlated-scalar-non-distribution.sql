-- correlated scalar subquery on a non-distribution column (reference 7.3)
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT count(*) FROM customers c WHERE c.id = (SELECT customer_id FROM orders o WHERE o.id = c.score);
