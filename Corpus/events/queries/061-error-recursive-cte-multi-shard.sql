-- recursive CTE joined with a distributed table without a distribution-key filter
-- expect: error: recursive CTEs are only supported when they contain a filter on the distribution column
WITH RECURSIVE hrs AS (SELECT timestamptz '2024-05-01 00:00:00+00' AS h UNION ALL SELECT h + interval '1 hour' FROM hrs WHERE h < timestamptz '2024-05-01 05:00:00+00')
SELECT hrs.h, sum(r.n) FROM hrs JOIN hourly_rollup r ON r.hour = hrs.h GROUP BY hrs.h ORDER BY hrs.h;
