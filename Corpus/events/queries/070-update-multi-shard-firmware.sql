-- multi-shard UPDATE without a key filter
-- expect: multi-shard modify, 32 tasks
UPDATE devices SET firmware = 'v2.0' WHERE firmware = 'v1.0' AND is_active;
