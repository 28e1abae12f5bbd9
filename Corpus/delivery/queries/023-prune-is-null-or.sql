-- pruning: key = 1 OR key IS NULL cannot prune
-- expect: multi-shard, 32 tasks
SELECT restaurant_id, name FROM restaurants WHERE restaurant_id = 1 OR restaurant_id IS NULL;
