-- multi-row INSERT where one row has a NULL distribution value (nullable key column, fine on plain PostgreSQL)
-- expect: error: cannot perform an INSERT with NULL in the partition column
INSERT INTO events (event_id, device_id, kind) VALUES (9002, 5, 'view'), (9003, NULL, 'view');
