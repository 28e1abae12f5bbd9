-- fast-path router with a parameter on reviews (distributed by user_id)
-- params: $1 = 94
-- expect: fast-path router (deferred pruning), 1 task
SELECT review_id, restaurant_id, stars, body FROM reviews WHERE user_id = $1 ORDER BY review_id;
