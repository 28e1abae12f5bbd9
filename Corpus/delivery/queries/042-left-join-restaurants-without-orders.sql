-- colocated LEFT JOIN: restaurants without orders
-- expect: multi-shard, 32 tasks (subquery-pushdown shape)
SELECT r.restaurant_id, r.name FROM restaurants r LEFT JOIN orders o ON o.restaurant_id = r.restaurant_id WHERE o.order_id IS NULL ORDER BY r.restaurant_id;
