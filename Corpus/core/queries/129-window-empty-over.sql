-- empty OVER (): evaluated on the coordinator (reference 5.6)
-- expect: multi-shard, 32 tasks; coordinator WindowAgg
SELECT id, count(*) OVER () AS total FROM orders WHERE flags = 7;
