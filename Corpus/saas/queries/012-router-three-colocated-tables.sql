-- router: users, tasks and projects for one tenant; assignee workload
-- expect: router, 1 task
SELECT u.user_id, u.display_name, count(*) AS open_tasks, sum(t.estimate_hours) AS hours
FROM users u
JOIN tasks t ON t.tenant_id = u.tenant_id AND t.assignee_id = u.user_id
JOIN projects p ON p.tenant_id = t.tenant_id AND p.project_id = t.project_id
WHERE u.tenant_id = 3 AND t.state IN ('todo', 'doing', 'blocked') AND p.status <> 'archived'
GROUP BY u.user_id, u.display_name
ORDER BY u.user_id;
