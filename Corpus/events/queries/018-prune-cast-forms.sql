-- pruning: '12' (unknown literal), 7.0 (numeric) and 5::bigint (int8 constant on an int4 column) all coerce to int4
-- expect: multi-shard, 3 tasks (one per value's shard, fewer if they share a shard)
SELECT device_id, model FROM devices WHERE device_id = '12' OR device_id = 7.0 OR device_id = 5::bigint ORDER BY device_id;
