-- array_agg with ORDER BY inside over all shards of couriers: row gather
-- expect: multi-shard, 8 tasks
SELECT vehicle, array_agg(courier_id ORDER BY courier_id) FROM couriers GROUP BY vehicle ORDER BY vehicle;
