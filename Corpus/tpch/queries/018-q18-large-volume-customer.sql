-- TPC-H Q18 (large volume customer), quantity 250 for this data set: the IN subquery is colocated with orders, but customer is not (o_orderkey added to ORDER BY so the LIMIT is deterministic)
-- expect: error: non-colocated join with customer; Citus reports complex joins are only supported when all distributed tables are co-located and joined on their distribution columns (message not confirmed on a cluster)
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity)
FROM customer, orders, lineitem
WHERE o_orderkey IN (SELECT l_orderkey FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 250)
  AND c_custkey = o_custkey
  AND o_orderkey = l_orderkey
GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice
ORDER BY o_totalprice DESC, o_orderdate, o_orderkey
LIMIT 100;
