-- colocated RIGHT JOIN including the distribution column in the join condition
-- expect: multi-shard, 16 tasks (subquery-pushdown shape)
SELECT p.project_id, p.name, u.email
FROM users u RIGHT JOIN projects p ON u.tenant_id = p.tenant_id AND u.user_id = p.owner_id
WHERE p.status = 'planning';
