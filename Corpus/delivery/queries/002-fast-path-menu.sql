-- fast-path router: menu of one restaurant
-- expect: fast-path router, 1 task
SELECT item_id, name, price, is_vegetarian FROM menu_items WHERE restaurant_id = 12 ORDER BY item_id;
