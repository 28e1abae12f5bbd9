-- lineitem joined with partsupp on (partkey, suppkey): not colocated
-- expect: error: the query contains a join that requires repartitioning
SELECT ps_partkey, sum(l_quantity) FROM lineitem JOIN partsupp ON ps_partkey = l_partkey AND ps_suppkey = l_suppkey GROUP BY ps_partkey;
