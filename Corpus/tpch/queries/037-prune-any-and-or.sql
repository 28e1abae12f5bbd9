-- pruning: = ANY(ARRAY) OR another equality
-- expect: multi-shard, at most 4 tasks
SELECT l_orderkey, count(*) FROM lineitem WHERE l_orderkey = ANY(ARRAY[5, 6, 7]) OR l_orderkey = 8 GROUP BY l_orderkey ORDER BY l_orderkey;
