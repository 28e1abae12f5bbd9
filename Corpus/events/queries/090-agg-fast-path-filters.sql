-- multi-shard aggregate (aggregate fast path): IN, IS NOT NULL and a comparison with the
-- constant first, under AND and OR
-- expect: multi-shard, 32 tasks
SELECT severity, count(*) AS open_alerts, max(raised_at) FROM alerts WHERE (severity IN (3, 4, 5) OR message IS NOT NULL) AND false = acknowledged GROUP BY severity;
