-- reference LEFT JOIN distributed on the distribution column (recurring outer join pushdown)
-- expect: multi-shard, 32 tasks with per-task hash-range filters on event_types
SELECT t.type_id, t.name, d.model FROM event_types t LEFT JOIN devices d ON d.device_id = t.type_id;
