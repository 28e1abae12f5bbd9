-- window partitioned by the distribution column
-- expect: multi-shard, 32 tasks, window pushed down
SELECT l_orderkey, l_linenumber, l_extendedprice, rank() OVER (PARTITION BY l_orderkey ORDER BY l_extendedprice DESC, l_linenumber) AS r FROM lineitem WHERE l_shipmode = 'AIR';
