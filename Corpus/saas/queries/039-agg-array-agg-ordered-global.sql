-- array_agg with ORDER BY inside, not grouped by the distribution column: row gather
-- expect: multi-shard, 16 tasks; worker sends raw rows, coordinator aggregates
SELECT state, array_agg(task_id ORDER BY task_id) FILTER (WHERE priority = 5 AND estimate_hours > 27) AS urgent FROM tasks GROUP BY state;
