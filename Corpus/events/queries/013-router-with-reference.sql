-- router: one device's events joined with the event_types reference table
-- expect: router, 1 task
SELECT t.name, count(*) AS n, max(e.occurred_at) AS last_seen
FROM events e JOIN event_types t ON t.type_id = e.type_id
WHERE e.device_id = 77
GROUP BY t.name ORDER BY t.name;
