-- colocated RIGHT JOIN
-- expect: multi-shard, 32 tasks (subquery-pushdown shape)
SELECT i.restaurant_id, i.order_id, i.line_no, o.status FROM orders o RIGHT JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id WHERE i.notes IS NOT NULL;
