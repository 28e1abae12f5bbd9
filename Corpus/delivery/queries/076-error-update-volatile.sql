-- UPDATE with random() on one restaurant
-- expect: error: functions used in UPDATE queries on distributed tables must not be VOLATILE
UPDATE restaurants SET rating = round((random() * 5)::numeric, 1) WHERE restaurant_id = 5;
