-- colocated LEFT JOIN on the orderkey with an extra condition in ON
-- expect: multi-shard, 32 tasks (subquery-pushdown shape)
SELECT o_orderkey, count(l_linenumber) AS returned_lines FROM orders LEFT JOIN lineitem ON l_orderkey = o_orderkey AND l_returnflag = 'R' GROUP BY o_orderkey HAVING count(l_linenumber) = 0 ORDER BY o_orderkey LIMIT 20;
