-- rollup dashboard: hourly totals over all devices
-- expect: multi-shard, 32 tasks
SELECT hour, sum(n) AS events, sum(total) AS total FROM hourly_rollup GROUP BY hour ORDER BY hour;
