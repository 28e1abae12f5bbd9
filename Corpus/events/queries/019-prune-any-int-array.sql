-- pruning: = ANY of an int[] literal
-- expect: multi-shard, at most 3 tasks
SELECT device_id, count(*) FROM events WHERE device_id = ANY('{10,20,30}'::int[]) GROUP BY device_id ORDER BY device_id;
