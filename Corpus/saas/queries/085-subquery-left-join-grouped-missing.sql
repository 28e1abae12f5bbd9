-- LEFT JOIN to a subquery grouped by the distribution column; tenants 191..200 have no projects (NULL-extended)
-- expect: multi-shard, 16 tasks (subquery pushed down)
SELECT t.tenant_id, coalesce(p.n, 0) AS projects FROM tenants t LEFT JOIN (SELECT tenant_id, count(*) AS n FROM projects GROUP BY tenant_id) p ON p.tenant_id = t.tenant_id WHERE t.tenant_id > 185 ORDER BY 1;
