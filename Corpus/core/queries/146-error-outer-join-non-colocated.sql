-- outer join that would need repartitioning (reference 6.3, 8)
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON c.id = o.id;
