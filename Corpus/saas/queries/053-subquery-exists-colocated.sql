-- correlated EXISTS on the distribution column: tenants with a blocked task
-- expect: multi-shard, 16 tasks (pushed down)
SELECT t.tenant_id, t.name FROM tenants t
WHERE EXISTS (SELECT 1 FROM tasks k WHERE k.tenant_id = t.tenant_id AND k.state = 'blocked' AND k.priority = 5)
ORDER BY t.tenant_id;
