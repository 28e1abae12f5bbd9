-- DELETE with a colocated IN subquery
-- expect: multi-shard modify, 32 tasks
DELETE FROM order_items WHERE (restaurant_id, order_id) IN (SELECT restaurant_id, order_id FROM orders WHERE status = 'cancelled' AND placed_at < timestamptz '2024-04-05 00:00:00+00');
