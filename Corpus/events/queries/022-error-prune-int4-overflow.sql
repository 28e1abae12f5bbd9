-- pruning on an int4 key with a constant beyond int4 (plain PostgreSQL returns no rows)
-- expect: error: integer out of range
SELECT count(*) FROM events WHERE device_id = 5000000000;
