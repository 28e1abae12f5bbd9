-- HAVING grouped by the distribution column (workers)
-- expect: multi-shard, 32 tasks; HAVING on the workers
SELECT device_id, sum(events) AS week FROM daily_rollup GROUP BY device_id HAVING sum(events) > 250 ORDER BY device_id;
