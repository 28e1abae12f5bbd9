-- array_agg(DISTINCT) grouped by the distribution column
-- expect: multi-shard, 32 tasks
SELECT device_id, array_agg(DISTINCT type_id) AS types FROM events WHERE occurred_at < timestamptz '2024-05-03 00:00:00+00' GROUP BY device_id;
