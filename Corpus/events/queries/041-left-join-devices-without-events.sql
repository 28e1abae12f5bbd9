-- colocated LEFT JOIN: devices without events
-- expect: multi-shard, 32 tasks (subquery-pushdown shape)
SELECT d.device_id, d.model FROM devices d LEFT JOIN events e ON e.device_id = d.device_id WHERE e.event_id IS NULL ORDER BY d.device_id;
