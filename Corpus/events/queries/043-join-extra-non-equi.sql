-- colocated join with an extra range condition next to the distribution-column equality
-- expect: multi-shard, 32 tasks
SELECT h.device_id, h.hour, h.n, count(e.event_id) AS raw
FROM hourly_rollup h JOIN events e ON e.device_id = h.device_id AND e.occurred_at >= h.hour AND e.occurred_at < h.hour + interval '1 hour'
GROUP BY h.device_id, h.hour, h.n;
