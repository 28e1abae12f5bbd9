-- LATERAL top-2 menu items per restaurant (correlated on the distribution column)
-- expect: multi-shard, 32 tasks
SELECT r.restaurant_id, x.name, x.price
FROM restaurants r JOIN LATERAL (SELECT m.name, m.price FROM menu_items m WHERE m.restaurant_id = r.restaurant_id ORDER BY m.price DESC, m.item_id LIMIT 2) x ON true
WHERE r.city_id = 3;
