-- fast-path router on supplier (4 shards) with a text literal key
-- expect: fast-path router, 1 task (shard of 7)
SELECT s_suppkey, s_name, s_nationkey FROM supplier WHERE s_suppkey = '7';
