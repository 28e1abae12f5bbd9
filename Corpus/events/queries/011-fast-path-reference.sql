-- fast-path router on a reference table
-- expect: fast-path router (reference), 1 task on the first placement
SELECT type_id, name FROM event_types WHERE category = 'health' ORDER BY type_id;
