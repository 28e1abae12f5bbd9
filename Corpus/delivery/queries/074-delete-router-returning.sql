-- DELETE routed to one restaurant with RETURNING
-- expect: fast-path router (modify), 1 task
DELETE FROM menu_items WHERE restaurant_id = 40 AND price > 15 RETURNING item_id, name;
