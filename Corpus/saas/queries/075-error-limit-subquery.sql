-- LIMIT (SELECT ...) on a multi-shard query
-- expect: error: subquery in LIMIT is not supported in multi-shard queries
SELECT tenant_id, name FROM tenants ORDER BY tenant_id LIMIT (SELECT count(*) FROM plans);
