-- GROUP BY the distribution column with HAVING (large orders)
-- expect: multi-shard, 32 tasks; HAVING on the workers
SELECT l_orderkey, sum(l_quantity) AS qty FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 250 ORDER BY l_orderkey;
