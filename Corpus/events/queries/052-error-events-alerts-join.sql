-- join on the distribution columns of two tables in different colocation groups (alerts: colocate_with none)
-- expect: error: the query contains a join that requires repartitioning
SELECT a.alert_id, count(e.event_id) FROM alerts a JOIN events e ON e.device_id = a.device_id WHERE a.severity = 5 GROUP BY a.alert_id;
