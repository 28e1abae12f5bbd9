-- pruning: NULL element of an IN list is ignored
-- expect: router, 1 task
SELECT device_id, model FROM devices WHERE device_id IN (18, NULL);
