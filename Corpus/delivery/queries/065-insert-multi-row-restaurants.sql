-- multi-row INSERT across restaurants with RETURNING
-- expect: multi-row INSERT, one task per target shard
INSERT INTO menu_items (restaurant_id, item_id, name, price, is_vegetarian) VALUES
    (1, 101, 'Soup of the day', 4.90, true),
    (2, 101, 'Soup of the day', 5.10, true),
    (3, 101, 'Soupe à l''oignon', 6.00, false)
RETURNING restaurant_id, item_id, price;
