-- EXISTS whose correlation is under OR: the subquery can use rows of every shard
-- expect: unsupported (recursive planning)
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id OR o.amount > 199.5);
