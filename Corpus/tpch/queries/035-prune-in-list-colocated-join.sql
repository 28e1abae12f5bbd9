-- pruning: IN list on the orderkey of a colocated join
-- expect: multi-shard, at most 3 tasks
SELECT o_orderkey, count(*) AS lines FROM orders JOIN lineitem ON l_orderkey = o_orderkey WHERE o_orderkey IN (10, 20, 30) GROUP BY o_orderkey ORDER BY o_orderkey;
