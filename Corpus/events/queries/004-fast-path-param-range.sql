-- fast-path router: the device is a parameter, the time window is a second and third parameter
-- params: $1 = 55, $2 = '2024-05-02 00:00:00+00', $3 = '2024-05-09 00:00:00+00'
-- expect: fast-path router (deferred pruning), 1 task
SELECT event_id, type_id, occurred_at FROM events WHERE device_id = $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY event_id;
