-- DISTINCT ON a non-distribution column (o_custkey)
-- expect: multi-shard, 32 tasks; coordinator Unique over Sort
SELECT DISTINCT ON (o_custkey) o_custkey, o_orderkey, o_orderdate FROM orders ORDER BY o_custkey, o_orderdate DESC, o_orderkey DESC;
