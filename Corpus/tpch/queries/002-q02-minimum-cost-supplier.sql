-- TPC-H Q2 (minimum cost supplier), size 18 / type BRASS substituted for this data set: supplier is joined on s_suppkey, not colocated with part/partsupp, plus a correlated subquery
-- expect: error: non-colocated join (supplier joined on ps_suppkey); Citus reports complex joins are only supported when all distributed tables are co-located and joined on their distribution columns (subquery path; message not confirmed on a cluster)
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment
FROM part, supplier, partsupp, nation, region
WHERE p_partkey = ps_partkey
  AND s_suppkey = ps_suppkey
  AND p_size = 18
  AND p_type LIKE '%BRASS'
  AND s_nationkey = n_nationkey
  AND n_regionkey = r_regionkey
  AND r_name = 'EUROPE'
  AND ps_supplycost = (
      SELECT min(ps_supplycost)
      FROM partsupp, supplier, nation, region
      WHERE p_partkey = ps_partkey
        AND s_suppkey = ps_suppkey
        AND s_nationkey = n_nationkey
        AND n_regionkey = r_regionkey
        AND r_name = 'EUROPE')
ORDER BY s_acctbal DESC, n_name, s_name, p_partkey
LIMIT 100;
