-- DELETE with an IN subquery correlated through the distribution column (colocated, pushed down)
-- expect: multi-shard modify, 16 tasks
DELETE FROM tasks t WHERE t.state = 'done' AND (t.tenant_id, t.project_id) IN (SELECT p.tenant_id, p.project_id FROM projects p WHERE p.status = 'archived');
