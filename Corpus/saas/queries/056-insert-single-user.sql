-- INSERT single row: routed by tenant_id
-- expect: fast-path router (INSERT), 1 task
INSERT INTO users (tenant_id, user_id, email, display_name, role, permissions, created_at)
VALUES (42, 5001, 'new.user@tenant42.example', 'Zoë Ålander', 'member', 7, timestamptz '2024-06-01 09:00:00+00');
