-- correlated EXISTS into a non-colocated table
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT count(*) FROM devices d WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = d.device_id AND NOT a.acknowledged);
