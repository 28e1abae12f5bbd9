-- window partitioned by the distribution column: per-device event sequence numbers
-- expect: multi-shard, 32 tasks, window pushed down
SELECT device_id, event_id, row_number() OVER (PARTITION BY device_id ORDER BY occurred_at, event_id) AS seq FROM events WHERE type_id = 3;
