-- pruning: IN list of tenants (support dashboard for a few accounts)
-- expect: multi-shard, one task per distinct shard of 3, 14, 77 (at most 3 tasks)
SELECT tenant_id, count(*) AS users, max(last_login) AS last_seen FROM users WHERE tenant_id IN (3, 14, 77) GROUP BY tenant_id ORDER BY tenant_id;
