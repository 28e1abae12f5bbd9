-- multi-shard aggregate (aggregate fast path): no GROUP BY, one row from the coordinator
-- expect: multi-shard, 32 tasks
SELECT min(occurred_at) AS first_seen, max(occurred_at) AS last_seen, count(*) FROM events;
