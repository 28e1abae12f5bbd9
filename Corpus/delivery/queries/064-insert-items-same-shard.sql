-- multi-row INSERT whose rows all go to one restaurant: one task
-- expect: multi-row INSERT, 1 task
INSERT INTO order_items (restaurant_id, order_id, line_no, item_name, quantity, unit_price, notes) VALUES
    (12, 151, 10, 'Tiramisù', 2, 5.50, NULL),
    (12, 151, 11, 'Espresso', 1, 2.20, 'no sugar'),
    (12, 151, 12, 'Water "still"', 3, 1.10, NULL);
