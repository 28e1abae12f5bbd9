-- UNION ALL of two non-colocated tables inside a FROM subquery
-- expect: unsupported (set operation across shards); Citus: recursively planned
SELECT kind, count(*) FROM (SELECT 'alert' AS kind, device_id FROM alerts UNION ALL SELECT 'session', device_id FROM sessions) u GROUP BY kind ORDER BY kind;
