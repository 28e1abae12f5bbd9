-- DELETE routed to one device with RETURNING
-- expect: fast-path router (modify), 1 task
DELETE FROM daily_rollup WHERE device_id = 44 AND day < date '2024-05-04' RETURNING day, events;
