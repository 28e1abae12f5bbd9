-- colocated join, GROUP BY distribution column, ORDER BY aggregate with a unique tie-breaker and LIMIT
-- expect: multi-shard, 16 tasks; LIMIT pushed to the workers
SELECT t.tenant_id, t.name, count(u.user_id) AS users
FROM tenants t JOIN users u ON u.tenant_id = t.tenant_id
GROUP BY t.tenant_id, t.name
ORDER BY users DESC, t.tenant_id
LIMIT 10;
