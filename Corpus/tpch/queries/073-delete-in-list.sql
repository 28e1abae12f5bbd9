-- DELETE pruned by an IN list
-- expect: multi-shard modify, at most 2 tasks
DELETE FROM lineitem WHERE l_orderkey IN (1498, 1499) RETURNING l_orderkey, l_linenumber;
