-- CUBE over all devices
-- expect: error: could not run distributed query with GROUPING SETS, CUBE, or ROLLUP
SELECT type_id, date_trunc('day', hour) AS day, sum(n) FROM hourly_rollup GROUP BY CUBE (type_id, date_trunc('day', hour));
