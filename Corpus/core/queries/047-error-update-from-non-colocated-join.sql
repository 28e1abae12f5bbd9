-- UPDATE ... FROM joined on a non-distribution column (reference 3.9, 8)
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
UPDATE orders o SET status = 'y' FROM customers c WHERE c.id = o.id;
