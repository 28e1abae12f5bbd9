-- INSERT ... SELECT from lineitem into orders-colocated lineitem copy (distribution column passed through)
-- expect: unsupported (INSERT ... SELECT); Citus: pushdown, 32 tasks
INSERT INTO lineitem (l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment)
SELECT l_orderkey, l_partkey, l_suppkey, l_linenumber + 10, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, 'copy'
FROM lineitem WHERE l_shipmode = 'FOB' AND l_linenumber = 1;
