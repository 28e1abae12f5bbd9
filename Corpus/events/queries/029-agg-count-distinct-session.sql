-- count(DISTINCT) on a non-distribution uuid column plus count(DISTINCT) of the distribution column
-- expect: multi-shard, 32 tasks
SELECT count(DISTINCT session_id) AS sessions, count(DISTINCT device_id) AS devices, count(*) FROM events WHERE type_id = 6;
