-- data-modifying CTE: never inlined (reference 7.4)
-- expect: unsupported (modifying CTE); Citus: subplan for the DELETE (router, 1 task) then a task over its result
WITH d AS (DELETE FROM orders WHERE customer_id = 5 RETURNING id, amount)
SELECT count(*), sum(amount) FROM d;
