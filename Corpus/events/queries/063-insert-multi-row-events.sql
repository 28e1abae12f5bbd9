-- INSERT multi-row VALUES across devices
-- expect: multi-row INSERT, one task per target shard
INSERT INTO events (device_id, event_id, type_id, occurred_at) VALUES
    (1, 100002, 5, timestamptz '2024-05-20 10:00:00+00'),
    (2, 100003, 5, timestamptz '2024-05-20 10:00:01+00'),
    (3, 100004, 5, timestamptz '2024-05-20 10:00:02+00'),
    (1, 100005, 6, timestamptz '2024-05-20 10:00:03+00');
