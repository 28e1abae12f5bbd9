-- correlated EXISTS on a non-distribution column (reference 7.3, 8)
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.flags = c.score);
