-- multi-shard UPDATE without a key filter
-- expect: multi-shard modify, 32 tasks
UPDATE restaurants SET is_open = false WHERE rating < 3.0;
