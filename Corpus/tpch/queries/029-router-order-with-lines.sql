-- router: colocated join of orders and lineitem for one order
-- expect: router, 1 task
SELECT o_orderkey, o_orderdate, o_totalprice, l_linenumber, l_quantity, l_extendedprice
FROM orders JOIN lineitem ON l_orderkey = o_orderkey
WHERE o_orderkey = 100
ORDER BY l_linenumber;
