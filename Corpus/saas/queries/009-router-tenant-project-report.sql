-- router: colocated join of projects and tasks pruned to one tenant through the join equality
-- expect: router, 1 task
SELECT p.project_id, p.name, count(t.task_id) AS tasks, sum(t.estimate_hours) AS hours
FROM projects p JOIN tasks t ON t.tenant_id = p.tenant_id AND t.project_id = p.project_id
WHERE p.tenant_id = 42
GROUP BY p.project_id, p.name
ORDER BY p.project_id;
