-- router: one restaurant's orders joined with two reference tables
-- expect: router, 1 task
SELECT r.name, c.name AS city, t.name AS cuisine, count(o.order_id) AS orders, sum(o.subtotal) AS revenue
FROM restaurants r
JOIN cities c ON c.city_id = r.city_id
JOIN cuisine_types t ON t.cuisine_id = r.cuisine_id
LEFT JOIN orders o ON o.restaurant_id = r.restaurant_id AND o.status = 'delivered'
WHERE r.restaurant_id = 33
GROUP BY r.name, c.name, t.name;
