-- sum(DISTINCT) and avg(DISTINCT) on a non-distribution column: row gather (reference 5.2)
-- expect: multi-shard, 32 tasks
SELECT sum(DISTINCT flags), avg(DISTINCT flags) FROM orders;
