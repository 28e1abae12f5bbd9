-- IN subquery on a non-distribution column with GROUP BY/HAVING: recursively planned
-- expect: unsupported (recursive planning); Citus: subplan + 32 tasks
SELECT count(*) FROM events WHERE type_id IN (SELECT type_id FROM events WHERE amount > 90 GROUP BY type_id);
