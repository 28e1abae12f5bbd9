-- IN over a reference table (every task sees all of it) and EXISTS correlated on the distribution column
-- expect: multi-shard, 16 tasks (subqueries pushed down)
SELECT t.tenant_id FROM tenants t WHERE t.plan_id IN (SELECT plan_id FROM plans WHERE monthly_price > 20) AND EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = t.tenant_id AND u.role = 'admin') ORDER BY 1;
