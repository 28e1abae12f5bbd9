-- both tables filtered to one device, but in different colocation groups: never router-planned
-- expect: error: the query contains a join that requires repartitioning
SELECT a.alert_id, e.event_id FROM alerts a JOIN events e ON e.device_id = a.device_id WHERE a.device_id = 8 AND e.device_id = 8;
