-- local table joined with a distributed table: the local table is recursively planned
-- expect: unsupported (recursive planning of local tables); Citus: subplan over admin_notes + 16 tasks
SELECT n.note_id, n.note, t.name FROM admin_notes n JOIN tenants t ON t.tenant_id = n.tenant_id ORDER BY n.note_id;
