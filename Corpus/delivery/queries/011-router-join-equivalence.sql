-- join-equivalence pruning: o.restaurant_id = i.restaurant_id AND o.restaurant_id = 7 prunes order_items too
-- expect: router, 1 task
SELECT o.order_id, count(*) AS lines, sum(i.quantity) AS qty
FROM orders o JOIN order_items i ON o.restaurant_id = i.restaurant_id AND o.order_id = i.order_id
WHERE o.restaurant_id = 7
GROUP BY o.order_id ORDER BY o.order_id;
