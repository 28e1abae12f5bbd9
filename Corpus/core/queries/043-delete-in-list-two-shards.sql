-- DELETE pruned by an IN list: one task per shard, each carrying the full list (reference 3.9)
-- expect: multi-shard modify, 2 tasks with = ANY (ARRAY[(7)::bigint, (8)::bigint])
DELETE FROM orders WHERE customer_id IN (7, 8);
