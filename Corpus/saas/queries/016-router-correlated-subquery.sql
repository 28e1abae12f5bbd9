-- router: correlated scalar subquery, single tenant
-- expect: router, 1 task in Citus; shardplan: multi-shard pruned to 1 of 16 shard groups (same rows: the subquery's table is tied to the pruned one only by the correlation, which pruning does not use, so the router path does not take it)
SELECT u.user_id, u.email,
       (SELECT count(*) FROM tasks t WHERE t.tenant_id = u.tenant_id AND t.assignee_id = u.user_id) AS assigned
FROM users u WHERE u.tenant_id = 12 ORDER BY u.user_id;
