-- UPDATE on a reference table: one task on all placements (reference 3.9)
-- expect: reference modify, 1 task, 3 placements
UPDATE countries SET name = name || ' *' WHERE code IN ('DE', 'FR');
