-- ntile over per-device totals: grouped by the distribution column, window on the coordinator; ties broken by device_id
-- expect: multi-shard, 32 tasks; coordinator WindowAgg
SELECT device_id, sum(n) AS total, ntile(4) OVER (ORDER BY sum(n), device_id) AS quartile FROM hourly_rollup GROUP BY device_id;
