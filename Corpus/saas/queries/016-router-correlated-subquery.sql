-- router: correlated scalar subquery, single tenant
-- expect: router, 1 task, as in Citus (tasks is tied to the pruned users only by the correlation: the multi-shard checks pass, pruning leaves one shard group, and the statement runs there as written)
SELECT u.user_id, u.email,
       (SELECT count(*) FROM tasks t WHERE t.tenant_id = u.tenant_id AND t.assignee_id = u.user_id) AS assigned
FROM users u WHERE u.tenant_id = 12 ORDER BY u.user_id;
