-- INSERT ... ON CONFLICT DO UPDATE on a distributed table
-- expect: fast-path router (INSERT), 1 task
INSERT INTO tenants (tenant_id, name, plan_id, currency, signup_date) VALUES (17, 'Tenant 17 renamed', 3, 'EUR', date '2022-01-01')
ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, plan_id = excluded.plan_id
RETURNING tenant_id, name, plan_id;
