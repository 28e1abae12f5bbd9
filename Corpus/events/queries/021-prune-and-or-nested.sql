-- pruning: (a OR b) AND (c OR d) on the key gives the union of the branch values, not the exact intersection
-- expect: multi-shard, shards of 1, 2 and 3 (at most 3 tasks), 1 device in the result
SELECT device_id FROM devices WHERE (device_id = 1 OR device_id = 2) AND (device_id = 2 OR device_id = 3);
