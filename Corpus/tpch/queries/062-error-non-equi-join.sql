-- non-equi join between orders and customer
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM orders JOIN customer ON o_totalprice > c_acctbal * 100 WHERE c_mktsegment = 'MACHINERY';
