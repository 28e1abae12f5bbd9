-- window function partitioned by another column: evaluated on the coordinator (reference 5.6, 10.8)
-- expect: multi-shard, 32 tasks; worker sends id, amount, status; coordinator WindowAgg
SELECT id, rank() OVER (PARTITION BY status ORDER BY amount) FROM orders;
