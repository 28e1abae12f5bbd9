-- router: one order with its items (colocated join pruned to one shard)
-- expect: router, 1 task
SELECT o.order_id, o.status, i.line_no, i.item_name, i.quantity, i.unit_price, i.notes
FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
WHERE o.restaurant_id = 12 AND o.order_id = 151
ORDER BY i.line_no;
