-- multi-row INSERT whose rows all belong to one order: 1 task
-- expect: multi-row INSERT, 1 task
INSERT INTO lineitem (l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax, l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment) VALUES
    (1501, 10, 11, 1, 5, 4550.05, 0.02, 0.01, 'N', 'O', date '1998-08-05', date '1998-09-01', date '1998-08-10', 'NONE', 'AIR', 'a'),
    (1501, 11, 12, 2, 3, 2733.03, 0.00, 0.03, 'N', 'O', date '1998-08-06', date '1998-09-01', date '1998-08-11', 'COLLECT COD', 'MAIL', 'b');
