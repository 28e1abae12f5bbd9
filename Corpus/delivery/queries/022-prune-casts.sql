-- pruning: '77' and 78.0 coerced to bigint
-- expect: multi-shard, at most 2 tasks
SELECT restaurant_id, name FROM restaurants WHERE restaurant_id = '77' OR restaurant_id = 78.0 ORDER BY restaurant_id;
