-- INSERT into a reference table: one task replicated to every placement (reference 3.7)
-- expect: insert into reference table, 1 task, 3 placements (9700, 9701, 9702)
INSERT INTO countries VALUES ('ES', 'España');
