-- DELETE routed to one tenant
-- expect: fast-path router (modify), 1 task
DELETE FROM audit_log WHERE tenant_id = 33 AND action = 'logout';
