-- pruning: = ANY(ARRAY[...])
-- expect: multi-shard, at most 3 tasks
SELECT restaurant_id, item_id, price FROM menu_items WHERE restaurant_id = ANY(ARRAY[10, 20, 30]) AND price > 15 ORDER BY restaurant_id, item_id;
