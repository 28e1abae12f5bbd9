-- NOT EXISTS correlated with a joined table's distribution column (p.tenant_id, tied to t.tenant_id by the join)
-- expect: multi-shard, 16 tasks (subquery pushed down)
SELECT t.tenant_id, count(*) AS open_free_projects FROM tenants t JOIN projects p ON p.tenant_id = t.tenant_id WHERE NOT EXISTS (SELECT 1 FROM tasks k WHERE k.tenant_id = p.tenant_id AND k.project_id = p.project_id AND k.state <> 'done') GROUP BY t.tenant_id ORDER BY t.tenant_id;
