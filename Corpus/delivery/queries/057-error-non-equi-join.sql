-- non-equi join between two distributed tables
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM orders o JOIN couriers c ON c.rating > o.tip WHERE o.restaurant_id = 5;
