-- FROM subquery grouped by the distribution column joined back on it
-- expect: multi-shard, 16 tasks (pushed down)
SELECT t.tenant_id, t.name, s.hours
FROM tenants t JOIN (SELECT tenant_id, sum(estimate_hours) AS hours FROM tasks GROUP BY tenant_id) s ON s.tenant_id = t.tenant_id
WHERE s.hours > 400;
