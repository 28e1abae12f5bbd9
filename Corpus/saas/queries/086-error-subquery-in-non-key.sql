-- IN on a column that is not the distribution column, over a colocated table: the matching rows can be in any shard
-- expect: unsupported (recursive planning)
SELECT count(*) FROM users u WHERE u.user_id IN (SELECT assignee_id FROM tasks);
