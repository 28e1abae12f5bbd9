-- colocated join part/partsupp grouped by the distribution column, ORDER BY key with LIMIT
-- expect: multi-shard, 8 tasks; LIMIT pushed
SELECT p_partkey, p_name, min(ps_supplycost) AS cheapest FROM part JOIN partsupp ON ps_partkey = p_partkey GROUP BY p_partkey, p_name ORDER BY p_partkey LIMIT 10;
