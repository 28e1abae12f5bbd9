-- LATERAL subquery correlated on a non-distribution column (reference 7.3)
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT x.id, t.id FROM customers x JOIN LATERAL (SELECT o.id FROM orders o WHERE o.flags = x.score ORDER BY o.id LIMIT 2) t ON true;
