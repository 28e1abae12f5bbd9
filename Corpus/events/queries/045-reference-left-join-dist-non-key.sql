-- reference LEFT JOIN distributed on a non-distribution column: distributed side recursively planned
-- expect: unsupported (recursive planning)
SELECT t.name, count(e.event_id) FROM event_types t LEFT JOIN events e ON e.type_id = t.type_id AND e.device_id < 10 GROUP BY t.name;
