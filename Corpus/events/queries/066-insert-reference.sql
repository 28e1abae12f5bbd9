-- INSERT into a reference table
-- expect: insert into reference table, 1 task on all placements
INSERT INTO event_types (type_id, name, category, is_billable) VALUES (9, 'firmware_update', 'ops', false);
