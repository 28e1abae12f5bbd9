-- aggregates over jsonb payload fields with FILTER
-- expect: multi-shard, 32 tasks
SELECT payload ->> 'path' AS path, count(*) AS hits, count(*) FILTER (WHERE (payload ->> 'ok')::boolean IS FALSE) AS failures, avg((payload ->> 'ms')::int) AS avg_ms
FROM events WHERE payload IS NOT NULL GROUP BY 1 ORDER BY hits DESC, path LIMIT 10;
