-- pruning 4.1 / checklist 10.1: id = 5.5 prunes to the shard of 6; the task keeps (id)::numeric = 5.5 and returns no rows
-- expect: fast-path router, 1 task (shard of 6), 0 rows
SELECT * FROM customers WHERE id = 5.5;
