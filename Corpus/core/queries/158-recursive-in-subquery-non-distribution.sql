-- IN subquery on a non-distribution column: recursively planned, read by all 32 tasks (reference 7.2)
-- expect: unsupported (recursive planning); Citus: subplan + 32 tasks
SELECT count(*) FROM customers c WHERE c.score IN (SELECT flags FROM orders);
