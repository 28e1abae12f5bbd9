-- fast-path router with ORDER BY ... LIMIT: latest events of one device (event_id breaks ties)
-- expect: fast-path router, 1 task; LIMIT in the task
SELECT event_id, type_id, occurred_at, value FROM events WHERE device_id = 7 ORDER BY occurred_at DESC, event_id DESC LIMIT 5;
