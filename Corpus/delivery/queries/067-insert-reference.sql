-- INSERT into a reference table, multi-row
-- expect: insert into reference table, 1 task on all placements
INSERT INTO cuisine_types (cuisine_id, name, is_vegetarian_friendly) VALUES (9, 'Vegan', true), (10, 'Poké', true);
