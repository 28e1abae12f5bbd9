-- EXCEPT across shards
-- expect: unsupported (set operation across shards); Citus: recursively planned
SELECT device_id FROM devices EXCEPT SELECT device_id FROM events;
