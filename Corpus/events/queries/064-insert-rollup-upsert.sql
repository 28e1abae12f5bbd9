-- rollup upsert: ON CONFLICT DO UPDATE adding to the existing counter
-- expect: fast-path router (INSERT), 1 task
INSERT INTO hourly_rollup (device_id, hour, type_id, n, total) VALUES (5, timestamptz '2024-05-01 02:00:00+00', 8, 3, 12.5)
ON CONFLICT (device_id, hour, type_id) DO UPDATE SET n = hourly_rollup.n + excluded.n, total = hourly_rollup.total + excluded.total
RETURNING device_id, hour, type_id, n, total;
