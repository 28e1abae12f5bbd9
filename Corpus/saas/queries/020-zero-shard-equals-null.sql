-- pruning: tenant_id = NULL is constant-false
-- expect: router (zero-shard task on the local node), 0 rows
SELECT user_id FROM users WHERE tenant_id = NULL;
