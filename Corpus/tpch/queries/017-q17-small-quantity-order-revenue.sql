-- TPC-H Q17 (small-quantity-order revenue), Brand#32 / MED BOX substituted: lineitem joined with part and a correlated subquery on l_partkey
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns (message not confirmed on a cluster)
SELECT sum(l_extendedprice) / 7.0 AS avg_yearly
FROM lineitem, part
WHERE p_partkey = l_partkey
  AND p_brand = 'Brand#32'
  AND p_container = 'MED BOX'
  AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey);
