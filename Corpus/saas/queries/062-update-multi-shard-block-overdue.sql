-- multi-shard UPDATE without a tenant filter
-- expect: multi-shard modify, 16 tasks
UPDATE tasks SET state = 'blocked' WHERE state = 'todo' AND due_date < date '2024-02-01';
