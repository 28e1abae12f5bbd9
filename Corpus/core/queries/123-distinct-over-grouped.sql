-- DISTINCT over grouped output: two HashAggregates on the coordinator (reference 5.5)
-- expect: multi-shard, 32 tasks
SELECT DISTINCT count(*) FROM orders GROUP BY flags;
