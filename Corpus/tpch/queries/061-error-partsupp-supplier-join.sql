-- partsupp joined with supplier on ps_suppkey
-- expect: error: the query contains a join that requires repartitioning
SELECT s_name, count(*) FROM partsupp JOIN supplier ON s_suppkey = ps_suppkey GROUP BY s_name;
