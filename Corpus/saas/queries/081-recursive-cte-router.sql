-- recursive CTE (calendar of due dates) joined with one tenant: allowed by Citus because the query is router-plannable
-- expect: unsupported (recursive CTE); Citus: router, 1 task
WITH RECURSIVE days AS (SELECT date '2024-01-01' AS d UNION ALL SELECT d + 7 FROM days WHERE d < date '2024-03-01')
SELECT days.d, count(t.task_id) FROM days LEFT JOIN tasks t ON t.due_date = days.d AND t.tenant_id = 5 GROUP BY days.d ORDER BY days.d;
