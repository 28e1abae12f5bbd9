-- colocated FULL JOIN on (tenant_id, user_id): users without audit entries and entries without users
-- expect: multi-shard, 16 tasks (subquery-pushdown shape)
SELECT coalesce(u.tenant_id, a.tenant_id) AS tenant_id, u.user_id, count(a.log_id) AS events
FROM users u FULL JOIN audit_log a ON a.tenant_id = u.tenant_id AND a.user_id = u.user_id
GROUP BY 1, 2;
