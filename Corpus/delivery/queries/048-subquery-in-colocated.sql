-- IN subquery on (distribution column, order id): orders with special requests
-- expect: multi-shard, 32 tasks
SELECT count(*), sum(subtotal) FROM orders o WHERE (o.restaurant_id, o.order_id) IN (SELECT restaurant_id, order_id FROM order_items WHERE notes IS NOT NULL);
