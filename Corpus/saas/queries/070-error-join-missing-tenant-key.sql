-- non-colocated join: users joined to projects on owner only, forgetting tenant_id
-- expect: error: the query contains a join that requires repartitioning
SELECT p.name, u.email FROM projects p JOIN users u ON u.user_id = p.owner_id WHERE p.status = 'planning';
