-- pruning: OR of AND branches, each branch with a tenant equality
-- expect: multi-shard, at most 2 tasks
SELECT tenant_id, task_id, state FROM tasks WHERE (tenant_id = 11 AND state = 'blocked') OR (tenant_id = 12 AND priority = 5) ORDER BY tenant_id, task_id;
