-- upsert: ON CONFLICT DO UPDATE passed through, RETURNING rewritten to citus_table_alias (reference 3.7)
-- expect: fast-path router (INSERT), 1 task on customers_102031
INSERT INTO customers (id, name) VALUES (1001, 'x')
ON CONFLICT (id) DO UPDATE SET name = excluded.name
RETURNING *;
