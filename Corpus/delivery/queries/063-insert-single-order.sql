-- INSERT single row routed by restaurant_id
-- expect: fast-path router (INSERT), 1 task
INSERT INTO orders (restaurant_id, order_id, user_id, status, placed_at, subtotal, delivery_fee)
VALUES (12, 5001, 321, 'preparing', timestamptz '2024-05-01 12:00:00+00', 24.50, 1.99);
