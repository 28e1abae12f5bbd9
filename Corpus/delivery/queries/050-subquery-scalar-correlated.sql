-- correlated scalar subquery on the distribution column
-- expect: multi-shard, 32 tasks
SELECT r.restaurant_id, (SELECT max(o.placed_at) FROM orders o WHERE o.restaurant_id = r.restaurant_id) AS last_order FROM restaurants r WHERE r.rating >= 4.5;
