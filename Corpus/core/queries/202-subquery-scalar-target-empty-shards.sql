-- a correlated scalar subquery in the target list where most customers have no orders (empty results, NULL max)
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT c.id, (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c.id) AS top FROM customers c WHERE c.id > 470 ORDER BY c.id;
