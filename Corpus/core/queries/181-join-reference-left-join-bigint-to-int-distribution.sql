-- reference LEFT JOIN a distributed table whose distribution column is int, the reference key bigint (values beyond the int range too, and NULL)
-- expect: multi-shard, 32 tasks with per-task hash-range filters on customer_notes
SELECT n.note_id, n.device, e.event_id, e.kind FROM customer_notes n LEFT JOIN events e ON e.device_id = n.device;
