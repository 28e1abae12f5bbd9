-- LATERAL top-2 per device, correlated on the distribution column
-- expect: multi-shard, 32 tasks
SELECT d.device_id, x.event_id, x.value
FROM devices d JOIN LATERAL (SELECT e.event_id, e.value FROM events e WHERE e.device_id = d.device_id AND e.value IS NOT NULL ORDER BY e.value DESC, e.event_id LIMIT 2) x ON true
WHERE d.region = 'sa-east';
