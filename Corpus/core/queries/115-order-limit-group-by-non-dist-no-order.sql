-- GROUP BY non-distribution column, LIMIT without ORDER BY: no worker LIMIT (reference 5.4; LIMIT exceeds the 4 groups, so the result is deterministic)
-- expect: multi-shard, 32 tasks; no worker LIMIT
SELECT status, count(*) FROM orders GROUP BY status LIMIT 10;
