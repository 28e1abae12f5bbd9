-- json_agg with ORDER BY over all shards (row gather), small filtered set
-- expect: multi-shard, 32 tasks
SELECT json_agg(json_build_object('device', device_id, 'severity', severity) ORDER BY alert_id) FROM alerts WHERE severity = 5 AND NOT acknowledged AND alert_id < 200;
