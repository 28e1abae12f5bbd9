-- pruning: contradiction
-- expect: router (zero-shard task on the local node)
SELECT count(*) FROM lineitem WHERE l_orderkey = 1 AND l_orderkey = 2;
