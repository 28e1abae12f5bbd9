-- fast-path router: tenant settings page, equality on the distribution column
-- expect: fast-path router, 1 task
SELECT tenant_id, name, plan_id, currency, settings FROM tenants WHERE tenant_id = 17;
