-- pruning: contradiction between two tenant equalities
-- expect: router (zero-shard task on the local node)
SELECT count(*) FROM users WHERE tenant_id = 1 AND tenant_id = 2;
