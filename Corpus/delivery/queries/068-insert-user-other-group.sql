-- INSERT into the users table (other colocation group) with RETURNING
-- expect: fast-path router (INSERT), 1 task
INSERT INTO users (user_id, name, email, city_id, signup_date, is_premium) VALUES (801, 'Ana Łukasz', 'ana@mail.example', 3, date '2024-05-01', false) RETURNING user_id, name;
