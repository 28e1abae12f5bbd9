-- fast-path router: restaurant page, equality on the bigint distribution column
-- expect: fast-path router, 1 task
SELECT * FROM restaurants WHERE restaurant_id = 12;
