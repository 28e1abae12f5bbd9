-- fast-path router on the users table (its own colocation group)
-- expect: fast-path router, 1 task
SELECT user_id, name, email, city_id, is_premium FROM users WHERE user_id = 321;
