-- FROM subquery grouped by a non-distribution column: recursively planned (reference 7.2)
-- expect: unsupported (recursive planning); Citus: subplan + one coordinator task
SELECT * FROM (SELECT status, sum(amount) total FROM orders GROUP BY status) t;
