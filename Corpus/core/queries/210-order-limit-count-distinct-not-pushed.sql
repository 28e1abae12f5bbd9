-- count(DISTINCT) of a column that is not the distribution column: the workers group by status
-- and amount, so one status arrives as many worker rows; a LIMIT on those rows would cut the
-- groups short (found by the random differential test), so the LIMIT stays on the coordinator
-- expect: multi-shard, 32 tasks, no LIMIT in the task SQL; the merge sorts and limits
SELECT status, count(*), count(DISTINCT amount) FROM orders GROUP BY status ORDER BY 1 LIMIT 2;
