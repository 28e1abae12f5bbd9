-- INSERT single row routed by device_id
-- expect: fast-path router (INSERT), 1 task
INSERT INTO events (device_id, event_id, type_id, occurred_at, value, payload) VALUES (42, 100001, 2, timestamptz '2024-05-20 10:00:00+00', 1.5, '{"path": "/home"}');
