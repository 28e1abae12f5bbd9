-- UPDATE of the distribution column
-- expect: error: modifying the partition value of rows is not allowed
UPDATE events SET device_id = device_id + 1000 WHERE device_id = 3 AND event_id = 2;
