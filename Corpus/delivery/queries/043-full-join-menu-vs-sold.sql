-- colocated FULL JOIN on the distribution column and item name: menu items never sold and sold items not on the menu
-- expect: multi-shard, 32 tasks
SELECT coalesce(m.restaurant_id, s.restaurant_id) AS restaurant_id, m.name AS menu_item, s.item_name AS sold_item, s.qty
FROM menu_items m
FULL JOIN (SELECT restaurant_id, item_name, sum(quantity) AS qty FROM order_items GROUP BY restaurant_id, item_name) s
  ON s.restaurant_id = m.restaurant_id AND s.item_name = m.name
WHERE coalesce(m.restaurant_id, s.restaurant_id) <= 10;
