-- pruning: IN list AND-ed with a disjoint equality: contradiction
-- expect: router (zero-shard task on the local node)
SELECT count(*) FROM events WHERE device_id IN (1, 2) AND device_id = 3;
