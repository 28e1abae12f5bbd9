-- UPDATE with a volatile function, even though it targets one shard (reference 3.9, 8)
-- expect: error: functions used in UPDATE queries on distributed tables must not be VOLATILE
UPDATE customers SET score = (random() * 10)::int WHERE id = 1;
