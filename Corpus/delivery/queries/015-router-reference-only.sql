-- router: reference tables only
-- expect: router (reference tables only), 1 task on the first placement
SELECT c.name AS city, t.name AS cuisine FROM cities c CROSS JOIN cuisine_types t WHERE c.country = 'DE' AND t.is_vegetarian_friendly ORDER BY c.city_id, t.cuisine_id;
