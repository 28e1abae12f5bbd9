-- colocated FULL JOIN of part and partsupp
-- expect: multi-shard, 8 tasks
SELECT p_partkey, count(ps_suppkey) AS suppliers FROM part FULL JOIN partsupp ON ps_partkey = p_partkey AND ps_availqty > 5000 GROUP BY p_partkey;
