-- GROUP BY non-distribution columns with HAVING on the coordinator (hidden aggregate)
-- expect: multi-shard, 16 tasks; HAVING applied on the coordinator
SELECT state, priority, count(*) FROM tasks GROUP BY state, priority HAVING avg(estimate_hours) > 13 ORDER BY state, priority;
