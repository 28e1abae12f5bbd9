-- ORDER BY a unique key with LIMIT and OFFSET over all shards
-- expect: multi-shard, 32 tasks; worker LIMIT 35
SELECT restaurant_id, order_id, placed_at FROM orders ORDER BY placed_at DESC, order_id LIMIT 10 OFFSET 25;
