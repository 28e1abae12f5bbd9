-- router: part and partsupp colocated and pruned to one part
-- expect: router, 1 task
SELECT p_partkey, p_name, p_retailprice, min(ps_supplycost) AS best_cost, sum(ps_availqty) AS available
FROM part JOIN partsupp ON ps_partkey = p_partkey
WHERE p_partkey = 77
GROUP BY p_partkey, p_name, p_retailprice;
