-- INSERT without the distribution column into a table whose key column is nullable, so plain PostgreSQL accepts it
-- expect: error: cannot perform an INSERT without a partition column value
INSERT INTO events (event_id, kind) VALUES (9001, 'click');
