-- fast-path router on a reference table
-- expect: fast-path router (reference), 1 task on the first placement
SELECT city_id, name, timezone FROM cities WHERE country = 'DE' ORDER BY city_id;
