-- jsonb_object_agg per order (grouped by the distribution column)
-- expect: multi-shard, 32 tasks
SELECT restaurant_id, order_id, jsonb_object_agg(line_no, jsonb_build_object('item', item_name, 'qty', quantity)) AS items FROM order_items WHERE order_id BETWEEN 100 AND 140 GROUP BY restaurant_id, order_id;
