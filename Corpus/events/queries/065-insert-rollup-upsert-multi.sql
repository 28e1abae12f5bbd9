-- multi-row rollup upsert on two devices
-- expect: multi-row INSERT, one task per target shard, ON CONFLICT kept
INSERT INTO daily_rollup (device_id, day, events) VALUES (10, date '2024-05-01', 5), (11, date '2024-05-08', 2)
ON CONFLICT (device_id, day) DO UPDATE SET events = daily_rollup.events + excluded.events;
