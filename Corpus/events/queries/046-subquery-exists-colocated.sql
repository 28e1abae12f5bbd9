-- correlated EXISTS on the distribution column (colocated): devices that crashed
-- expect: multi-shard, 32 tasks
SELECT d.device_id, d.firmware FROM devices d WHERE EXISTS (SELECT 1 FROM events e WHERE e.device_id = d.device_id AND e.type_id = 8 AND e.value > 90);
