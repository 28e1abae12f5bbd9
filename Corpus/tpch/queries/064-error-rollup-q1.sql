-- Q1 with ROLLUP over all shards
-- expect: error: could not run distributed query with GROUPING SETS, CUBE, or ROLLUP
SELECT l_returnflag, l_linestatus, sum(l_quantity) FROM lineitem GROUP BY ROLLUP (l_returnflag, l_linestatus);
