-- jsonb_object_agg grouped by the distribution column: computed on the workers
-- expect: multi-shard, 32 tasks
SELECT device_id, jsonb_object_agg(type_id::text, n) AS per_type FROM hourly_rollup WHERE hour = timestamptz '2024-05-01 03:00:00+00' GROUP BY device_id;
