-- GROUP BY the distribution column, ORDER BY count with a unique tie-breaker, LIMIT pushed
-- expect: multi-shard, 32 tasks; worker ORDER BY ... LIMIT 10
SELECT device_id, count(*) AS n FROM events WHERE type_id IN (4, 8) GROUP BY device_id ORDER BY n DESC, device_id LIMIT 10;
