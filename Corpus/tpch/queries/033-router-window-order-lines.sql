-- router: window function not partitioned by the distribution column within one order
-- expect: fast-path router, 1 task
SELECT l_linenumber, l_extendedprice, sum(l_extendedprice) OVER (ORDER BY l_linenumber) AS running, rank() OVER (ORDER BY l_extendedprice DESC, l_linenumber) AS r
FROM lineitem WHERE l_orderkey = 1005;
