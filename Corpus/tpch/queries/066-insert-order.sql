-- INSERT single row routed by orderkey
-- expect: fast-path router (INSERT), 1 task
INSERT INTO orders (o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority, o_comment)
VALUES (1501, 42, 'O', 1234.56, date '1998-08-01', '1-URGENT', 'Clerk#000000001', 0, 'new order');
