-- join-equivalence pruning: l_orderkey = o_orderkey AND o_orderkey = 321 prunes lineitem as well
-- expect: router, 1 task
SELECT o_orderstatus, count(*) AS lines, sum(l_extendedprice * (1 - l_discount)) AS net
FROM orders, lineitem
WHERE l_orderkey = o_orderkey AND o_orderkey = 321
GROUP BY o_orderstatus;
