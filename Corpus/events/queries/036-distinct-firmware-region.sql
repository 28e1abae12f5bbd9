-- SELECT DISTINCT on non-distribution columns
-- expect: multi-shard, 32 tasks
SELECT DISTINCT firmware, region FROM devices WHERE is_active;
