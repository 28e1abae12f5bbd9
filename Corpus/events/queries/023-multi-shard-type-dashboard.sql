-- multi-shard: events per type and category over all devices, joined with a reference table
-- expect: multi-shard, 32 tasks; coordinator HashAggregate
SELECT t.category, t.name, count(*) AS n, count(DISTINCT e.device_id) AS devices
FROM events e JOIN event_types t ON t.type_id = e.type_id
GROUP BY t.category, t.name ORDER BY t.category, t.name;
