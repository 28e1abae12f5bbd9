-- string_agg with ORDER BY inside, grouped by the distribution column and order id
-- expect: multi-shard, 32 tasks, aggregated on the workers
SELECT restaurant_id, order_id, string_agg(quantity || ' x ' || item_name, ', ' ORDER BY line_no) AS lines FROM order_items WHERE order_id <= 60 GROUP BY restaurant_id, order_id;
