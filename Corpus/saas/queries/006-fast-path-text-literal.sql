-- pruning: string literal compared with the bigint key ('5' coerced)
-- expect: fast-path router, 1 task (shard of 5)
SELECT tenant_id, name FROM tenants WHERE tenant_id = '5';
