-- multi-shard UPDATE ... FROM a colocated table joined on the distribution column
-- expect: multi-shard modify, 32 tasks (pushed down)
UPDATE order_items i SET notes = 'cancelled order' FROM orders o WHERE o.restaurant_id = i.restaurant_id AND o.order_id = i.order_id AND o.status = 'cancelled';
