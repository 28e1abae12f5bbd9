-- window partitioned by the distribution column: running revenue per restaurant
-- expect: multi-shard, 32 tasks, window pushed down
SELECT restaurant_id, order_id, subtotal, sum(subtotal) OVER (PARTITION BY restaurant_id ORDER BY placed_at, order_id) AS running FROM orders WHERE restaurant_id <= 20;
