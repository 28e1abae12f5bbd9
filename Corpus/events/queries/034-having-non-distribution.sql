-- HAVING on a non-distribution grouping (coordinator)
-- expect: multi-shard, 32 tasks; HAVING on the coordinator
SELECT firmware, count(*) FROM devices GROUP BY firmware HAVING count(*) FILTER (WHERE is_active) > 50 ORDER BY firmware NULLS FIRST;
