-- pruning: (key = a AND x) OR (key = b AND y)
-- expect: multi-shard, at most 2 tasks
SELECT restaurant_id, order_id, status FROM orders WHERE (restaurant_id = 50 AND status = 'cancelled') OR (restaurant_id = 51 AND tip >= 3) ORDER BY restaurant_id, order_id;
