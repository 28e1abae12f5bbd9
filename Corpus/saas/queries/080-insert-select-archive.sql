-- INSERT ... SELECT between colocated tables (audit copy), distribution column passed through
-- expect: unsupported (INSERT ... SELECT); Citus: pushdown, 16 tasks
INSERT INTO audit_log (tenant_id, log_id, user_id, action, details, at)
SELECT tenant_id, 100000 + task_id, assignee_id, 'task_done', jsonb_build_object('task', task_id), timestamptz '2024-07-01 00:00:00+00'
FROM tasks WHERE state = 'done' AND priority = 1;
