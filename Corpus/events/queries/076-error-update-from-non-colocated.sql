-- UPDATE ... FROM a table of another colocation group
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
UPDATE alerts a SET acknowledged = true FROM devices d WHERE d.device_id = a.device_id AND NOT d.is_active;
