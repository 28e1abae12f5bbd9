-- a correlated scalar subquery in WHERE, tied by the distribution column
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT c.id, c.score FROM customers c WHERE c.score < (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) ORDER BY c.id;
