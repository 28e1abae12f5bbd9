-- a LATERAL subquery aggregating the tenant's unpaid invoices (correlated on the distribution column)
-- expect: multi-shard, 16 tasks (subquery pushed down)
SELECT t.tenant_id, x.n FROM tenants t, LATERAL (SELECT count(*) AS n FROM invoices i WHERE i.tenant_id = t.tenant_id AND i.paid_on IS NULL) x WHERE x.n > 0 ORDER BY t.tenant_id;
