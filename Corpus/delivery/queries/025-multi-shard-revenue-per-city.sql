-- colocated join restaurants/orders plus a reference join, grouped by a reference column
-- expect: multi-shard, 32 tasks
SELECT c.name AS city, count(*) AS orders, sum(o.subtotal + o.delivery_fee + coalesce(o.tip, 0)) AS gmv
FROM restaurants r JOIN orders o ON o.restaurant_id = r.restaurant_id JOIN cities c ON c.city_id = r.city_id
WHERE o.status <> 'cancelled'
GROUP BY c.name ORDER BY c.name;
