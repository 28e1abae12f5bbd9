-- pure non-equi join between distributed tables (reference 6.4, 8)
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM customers c JOIN orders o ON c.id > o.customer_id;
