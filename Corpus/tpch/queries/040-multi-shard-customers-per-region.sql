-- distributed table joined with two reference tables
-- expect: multi-shard, 16 tasks
SELECT r_name, c_mktsegment, count(*) AS customers, sum(c_acctbal) AS balance
FROM customer JOIN nation ON n_nationkey = c_nationkey JOIN region ON r_regionkey = n_regionkey
GROUP BY r_name, c_mktsegment ORDER BY r_name, c_mktsegment;
