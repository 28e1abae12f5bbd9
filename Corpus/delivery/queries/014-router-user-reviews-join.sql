-- router on the users colocation group: users joined with reviews for one user
-- expect: router, 1 task
SELECT u.name, r.review_id, r.stars, r.created_at FROM users u JOIN reviews r ON r.user_id = u.user_id WHERE u.user_id = 94 ORDER BY r.review_id;
