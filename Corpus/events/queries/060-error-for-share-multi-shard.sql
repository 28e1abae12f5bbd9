-- FOR SHARE on a multi-shard query
-- expect: error: could not run distributed query with FOR UPDATE/SHARE commands
SELECT alert_id FROM alerts WHERE NOT acknowledged AND severity >= 4 FOR SHARE;
