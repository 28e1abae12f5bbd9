-- pagination over all tenants: ORDER BY unique key with LIMIT and OFFSET
-- expect: multi-shard, 16 tasks; worker LIMIT 60 (limit + offset)
SELECT tenant_id, name, signup_date FROM tenants ORDER BY signup_date DESC, tenant_id LIMIT 20 OFFSET 40;
