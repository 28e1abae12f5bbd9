-- colocated LEFT JOIN on the distribution column: tenants without projects
-- expect: multi-shard, 16 tasks (subquery-pushdown shape)
SELECT t.tenant_id, t.name FROM tenants t LEFT JOIN projects p ON p.tenant_id = t.tenant_id
WHERE p.project_id IS NULL ORDER BY t.tenant_id;
