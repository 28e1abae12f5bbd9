-- IN subquery grouped by the orderkey (the inner part of Q18): pushed down
-- expect: multi-shard, 32 tasks
SELECT o_orderkey, o_totalprice FROM orders WHERE o_orderkey IN (SELECT l_orderkey FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 250) ORDER BY o_orderkey;
