-- recursive CTE with a distribution-key filter (router-plannable in Citus)
-- expect: unsupported (recursive CTE); Citus: router, 1 task
WITH RECURSIVE lines(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM lines WHERE n < 4)
SELECT lines.n, count(i.order_id) FROM lines LEFT JOIN order_items i ON i.line_no = lines.n AND i.restaurant_id = 12 GROUP BY lines.n ORDER BY lines.n;
