-- router: CUBE on a single device is allowed
-- expect: fast-path router, 1 task
SELECT type_id, date_trunc('day', hour) AS day, sum(n) FROM hourly_rollup WHERE device_id = 12 GROUP BY CUBE (type_id, date_trunc('day', hour)) ORDER BY 1 NULLS LAST, 2 NULLS LAST;
