-- router: device, its events and its hourly rollup (three colocated tables) for one device
-- expect: router, 1 task
SELECT d.device_id, d.model, count(DISTINCT e.event_id) AS events, sum(DISTINCT h.n) AS rollup_n
FROM devices d JOIN events e ON e.device_id = d.device_id JOIN hourly_rollup h ON h.device_id = d.device_id
WHERE d.device_id = 9
GROUP BY d.device_id, d.model;
