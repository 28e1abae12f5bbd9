-- a table joined with itself on the distribution column: both occurrences name the task's shard
-- (a task SQL cut after the first occurrence was a bug, found by a CTE inlined twice)
-- expect: multi-shard, 32 tasks, orders_102040 twice in the first
SELECT a.customer_id, count(*) FROM orders a JOIN orders b ON a.customer_id = b.customer_id AND a.id <> b.id GROUP BY a.customer_id ORDER BY 2 DESC, 1 LIMIT 5;
