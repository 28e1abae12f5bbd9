-- recursive CTE allowed because the whole query is router-plannable (reference 7.4)
-- expect: unsupported (recursive CTE); Citus: router, 1 task
WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3)
SELECT c.id, c.name, r.n FROM r JOIN customers c ON c.score = r.n WHERE c.id = 2;
