-- string_agg and array_agg with ORDER BY, grouped by the distribution column: on the workers
-- expect: multi-shard, 32 tasks
SELECT l_orderkey, string_agg(trim(l_shipmode), '/' ORDER BY l_linenumber) AS modes, array_agg(l_partkey ORDER BY l_linenumber) AS parts
FROM lineitem WHERE l_orderkey <= 100 GROUP BY l_orderkey;
