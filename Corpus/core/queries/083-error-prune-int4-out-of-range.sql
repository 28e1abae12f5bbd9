-- pruning on an int4 distribution column with a constant outside int4 (reference 4.1, 8 use hx.i4_32; events.device_id is int4 here); plain PostgreSQL returns no rows
-- expect: error: integer out of range
SELECT * FROM events WHERE device_id = 5000000000;
