-- EXISTS whose correlation is under OR: the subquery can use rows of every shard
-- expect: unsupported (correlated: Citus refuses it, "complex joins are only supported when all distributed tables are co-located and joined on their distribution columns")
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id OR o.amount > 199.5);
