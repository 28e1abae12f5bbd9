-- join-equivalence pruning: d.device_id = e.device_id AND d.device_id = 5 prunes events too
-- expect: router, 1 task
SELECT d.model, e.event_id, e.type_id FROM devices d JOIN events e ON d.device_id = e.device_id AND d.device_id = 5 ORDER BY e.event_id;
