-- INSERT without the distribution column (device_id is NOT NULL, so plain PostgreSQL fails too)
-- expect: error: cannot perform an INSERT without a partition column value
-- expect: error (PostgreSQL): null value in column "device_id" violates not-null constraint
INSERT INTO events (event_id, type_id, occurred_at) VALUES (100010, 1, timestamptz '2024-05-20 10:00:00+00');
