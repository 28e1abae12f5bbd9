-- fast-path router with a parameter for the device (deferred pruning in a generic plan)
-- params: $1 = 123
-- expect: fast-path router (deferred pruning), 1 task
SELECT type_id, count(*), sum(value) FROM events WHERE device_id = $1 GROUP BY type_id ORDER BY type_id;
