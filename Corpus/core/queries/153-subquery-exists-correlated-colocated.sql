-- correlated EXISTS on the distribution column: pushed down (reference 7.1)
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 150);
