-- fast-path router: distribution key equality AND another filter, ordered
-- expect: fast-path router, 1 task
SELECT user_id, email, role FROM users WHERE tenant_id = 17 AND role IN ('owner', 'admin') ORDER BY user_id;
