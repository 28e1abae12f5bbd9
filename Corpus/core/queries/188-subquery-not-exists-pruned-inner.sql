-- NOT EXISTS whose subquery is restricted to one customer: the subquery's filter must not prune the outer query's tasks
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.customer_id = 7);
