-- DISTINCT ON a non-distribution column: most recent event per type (event_id breaks ties)
-- expect: multi-shard, 32 tasks; coordinator Unique over Sort
SELECT DISTINCT ON (type_id) type_id, event_id, device_id, occurred_at FROM events ORDER BY type_id, occurred_at DESC, event_id DESC;
