-- window partitioned by a non-distribution column: coordinator WindowAgg
-- expect: multi-shard, 32 tasks; coordinator WindowAgg
SELECT o_custkey, o_orderkey, o_totalprice, sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderdate, o_orderkey) AS lifetime FROM orders WHERE o_custkey <= 10;
