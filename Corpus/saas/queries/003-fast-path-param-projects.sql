-- fast-path router with a parameter for the tenant (deferred pruning in a generic plan)
-- params: $1 = 42
-- expect: fast-path router (deferred pruning), 1 task
SELECT project_id, name, status, budget FROM projects WHERE tenant_id = $1 ORDER BY project_id;
