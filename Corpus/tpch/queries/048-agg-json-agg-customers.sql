-- json_agg with ORDER BY over a non-grouped multi-shard query (row gather)
-- expect: multi-shard, 16 tasks
SELECT c_mktsegment, json_agg(c_custkey ORDER BY c_custkey) AS customers FROM customer WHERE c_acctbal < 0 GROUP BY c_mktsegment ORDER BY c_mktsegment;
