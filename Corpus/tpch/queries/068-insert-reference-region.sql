-- INSERT into a reference table
-- expect: insert into reference table, 1 task on all placements
INSERT INTO region (r_regionkey, r_name, r_comment) VALUES (5, 'ANTARCTICA', 'penguins');
