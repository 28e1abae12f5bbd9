-- router: correlated scalar subquery, single tenant
-- expect: router, 1 task
SELECT u.user_id, u.email,
       (SELECT count(*) FROM tasks t WHERE t.tenant_id = u.tenant_id AND t.assignee_id = u.user_id) AS assigned
FROM users u WHERE u.tenant_id = 12 ORDER BY u.user_id;
