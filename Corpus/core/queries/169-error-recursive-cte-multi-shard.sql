-- recursive CTE joined with a distributed table without a distribution-key filter (reference 7.4, 8)
-- expect: error: recursive CTEs are only supported when they contain a filter on the distribution column
WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3)
SELECT count(*) FROM r JOIN customers c ON c.id = r.n;
