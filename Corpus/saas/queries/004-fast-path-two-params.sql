-- fast-path router: tenant and state both parameters; only $1 decides the shard
-- params: $1 = 7, $2 = 'todo'
-- expect: fast-path router (deferred pruning), 1 task
SELECT task_id, title, priority, due_date FROM tasks WHERE tenant_id = $1 AND state = $2 ORDER BY priority DESC, task_id;
