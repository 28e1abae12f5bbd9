-- pruning: BETWEEN on the hash key does not prune
-- expect: multi-shard, 32 tasks
SELECT count(*), sum(o_totalprice) FROM orders WHERE o_orderkey BETWEEN 100 AND 200;
