-- fast-path router with a parameter for the orderkey
-- params: $1 = 1234
-- expect: fast-path router (deferred pruning), 1 task
SELECT l_linenumber, l_partkey, l_quantity, l_extendedprice, l_shipdate FROM lineitem WHERE l_orderkey = $1 ORDER BY l_linenumber;
