-- reference LEFT JOIN distributed on the distribution column (recurring outer join pushdown with hash-range filters)
-- expect: multi-shard, 16 tasks; shard-index-0 task carries the IS NULL arm
SELECT p.plan_id, p.name, t.name AS tenant_with_same_id FROM plans p LEFT JOIN tenants t ON t.tenant_id = p.plan_id;
