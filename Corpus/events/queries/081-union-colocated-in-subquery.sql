-- UNION of colocated tables in a FROM subquery, distribution column in the same position
-- expect: multi-shard, 32 tasks (pushed down)
SELECT count(*) FROM (SELECT device_id FROM events WHERE type_id = 8 UNION SELECT device_id FROM hourly_rollup WHERE n > 18) u;
