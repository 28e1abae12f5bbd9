-- a correlated scalar subquery inside an aggregate, grouped by a non-distribution column: the workers evaluate it, the coordinator merges the sums
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT c.country, sum((SELECT count(*) FROM orders o WHERE o.customer_id = c.id)) AS orders FROM customers c GROUP BY c.country ORDER BY c.country NULLS LAST;
