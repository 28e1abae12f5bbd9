-- reference LEFT JOIN distributed on a non-distribution column: restaurants per city including empty cities
-- expect: unsupported (recursive planning)
SELECT c.name, count(r.restaurant_id) AS restaurants FROM cities c LEFT JOIN restaurants r ON r.city_id = c.city_id GROUP BY c.name ORDER BY c.name;
