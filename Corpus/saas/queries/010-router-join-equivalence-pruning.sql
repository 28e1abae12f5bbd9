-- router: a.id = b.id AND a.id = 5 style pruning; the filter is only on projects, tasks is pruned through the equality
-- expect: router, 1 task
SELECT t.task_id, t.title, p.name AS project
FROM tasks t JOIN projects p ON t.tenant_id = p.tenant_id AND t.project_id = p.project_id
WHERE p.tenant_id = 5 AND t.state <> 'done'
ORDER BY t.task_id;
