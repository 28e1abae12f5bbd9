-- EXISTS inside EXISTS, each tied to its outer query's distribution column
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND EXISTS (SELECT 1 FROM order_stats s WHERE s.customer_id = o.customer_id AND s.n > 3));
