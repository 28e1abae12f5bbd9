-- correlated EXISTS on the distribution column
-- expect: multi-shard, 32 tasks
SELECT r.restaurant_id, r.name FROM restaurants r WHERE EXISTS (SELECT 1 FROM orders o WHERE o.restaurant_id = r.restaurant_id AND o.status = 'cancelled' AND o.subtotal > 80) ORDER BY r.restaurant_id;
