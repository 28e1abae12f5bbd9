-- IN subquery over a non-colocated table (users), uncorrelated: recursively planned
-- expect: unsupported (recursive planning); Citus: subplan over users + 32 tasks
SELECT count(*), sum(subtotal) FROM orders WHERE user_id IN (SELECT user_id FROM users WHERE is_premium);
