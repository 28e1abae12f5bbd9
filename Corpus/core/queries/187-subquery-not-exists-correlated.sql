-- NOT EXISTS correlated on the distribution column: customers without orders
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT c.id, c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY c.id;
