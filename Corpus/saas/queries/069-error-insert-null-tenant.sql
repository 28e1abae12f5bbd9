-- INSERT with NULL in the distribution column (tenant_id is also NOT NULL on plain PostgreSQL)
-- expect: error: cannot perform an INSERT with NULL in the partition column
-- expect: error (PostgreSQL): null value in column "tenant_id" violates not-null constraint
INSERT INTO audit_log (tenant_id, log_id, action, at) VALUES (NULL, 9100, 'login', timestamptz '2024-06-01 00:00:00+00');
