-- LATERAL top-2 lines per order, correlated on the distribution column
-- expect: multi-shard, 32 tasks
SELECT o_orderkey, x.l_linenumber, x.l_extendedprice
FROM orders JOIN LATERAL (SELECT l_linenumber, l_extendedprice FROM lineitem WHERE l_orderkey = o_orderkey ORDER BY l_extendedprice DESC, l_linenumber LIMIT 2) x ON true
WHERE o_orderdate >= date '1998-01-01';
