-- window function evaluated on the coordinator: LIMIT not pushed (reference 5.4, 5.6)
-- expect: multi-shard, 32 tasks; no worker LIMIT, coordinator WindowAgg then Limit
SELECT id, rank() OVER (PARTITION BY status ORDER BY amount) AS r FROM orders ORDER BY id LIMIT 5;
