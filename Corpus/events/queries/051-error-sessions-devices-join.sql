-- non-colocated join: sessions joined to devices on device_id (not the sessions distribution column)
-- expect: error: the query contains a join that requires repartitioning
SELECT d.region, sum(s.bytes) FROM sessions s JOIN devices d ON d.device_id = s.device_id GROUP BY d.region;
