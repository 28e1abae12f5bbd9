-- correlated subquery whose outer FROM is a reference table
-- expect: error: correlated subqueries are not supported when the FROM clause contains a reference table
SELECT p.name FROM plans p WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.plan_id = p.plan_id AND NOT t.is_active);
