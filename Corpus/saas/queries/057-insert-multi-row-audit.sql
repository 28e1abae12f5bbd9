-- INSERT multi-row VALUES spanning several tenants: one task per target shard
-- expect: multi-row INSERT, tasks grouped by shard
INSERT INTO audit_log (tenant_id, log_id, user_id, action, details, at) VALUES
    (1, 9001, 200, 'login', '{"ip": "10.1.1.1"}', timestamptz '2024-06-01 10:00:00+00'),
    (2, 9002, 201, 'export', NULL, timestamptz '2024-06-01 10:05:00+00'),
    (3, 9003, NULL, 'login', '{"ip": "10.1.1.3"}', timestamptz '2024-06-01 10:10:00+00'),
    (1, 9004, 200, 'logout', NULL, timestamptz '2024-06-01 11:00:00+00');
