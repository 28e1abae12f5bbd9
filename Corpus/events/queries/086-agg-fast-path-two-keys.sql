-- multi-shard aggregate (aggregate fast path): two group keys; sum of smallint is cast back to
-- bigint on the coordinator
-- expect: multi-shard, 32 tasks
SELECT severity, acknowledged, count(*), sum(severity) FROM alerts GROUP BY severity, acknowledged;
