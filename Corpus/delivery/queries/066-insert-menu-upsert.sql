-- INSERT ... ON CONFLICT DO UPDATE on a colocated table
-- expect: fast-path router (INSERT), 1 task
INSERT INTO menu_items (restaurant_id, item_id, name, price) VALUES (12, 1, 'Ramen #1', 13.25)
ON CONFLICT (restaurant_id, item_id) DO UPDATE SET price = excluded.price, name = excluded.name
RETURNING restaurant_id, item_id, name, price;
