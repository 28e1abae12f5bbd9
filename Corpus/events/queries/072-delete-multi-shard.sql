-- multi-shard DELETE of old raw events
-- expect: multi-shard modify, 32 tasks
DELETE FROM events WHERE occurred_at < timestamptz '2024-05-01 06:00:00+00';
