-- colocated join devices/events grouped by a non-distribution column
-- expect: multi-shard, 32 tasks
SELECT d.region, count(*) AS events, sum(e.amount) AS revenue FROM devices d JOIN events e ON e.device_id = d.device_id GROUP BY d.region ORDER BY d.region NULLS LAST;
