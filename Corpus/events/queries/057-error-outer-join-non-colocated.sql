-- outer join between tables of different colocation groups
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT d.device_id, count(a.alert_id) FROM devices d LEFT JOIN alerts a ON a.device_id = d.device_id GROUP BY d.device_id;
