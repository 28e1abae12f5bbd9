-- GROUP BY a column that is not the distribution column with HAVING: the HAVING filters the
-- merged groups on the coordinator, so a worker LIMIT could cut groups that pass it after ones
-- that fail it (found by the random differential test: a NULL group went missing); the LIMIT
-- stays on the coordinator
-- expect: multi-shard, 32 tasks, no worker ORDER BY or LIMIT
SELECT status, sum(amount) FROM orders GROUP BY status HAVING count(*) > 5 ORDER BY status LIMIT 3;
