-- DISTINCT ON the distribution column: last order per restaurant
-- expect: multi-shard, 32 tasks; coordinator Unique over Sort
SELECT DISTINCT ON (restaurant_id) restaurant_id, order_id, placed_at, status FROM orders ORDER BY restaurant_id, placed_at DESC, order_id;
