-- multi-shard aggregates with count(DISTINCT) on the distribution column and on another column
-- expect: multi-shard, 32 tasks
SELECT l_shipmode, count(*) AS lines, count(DISTINCT l_orderkey) AS orders, count(DISTINCT l_partkey) AS parts, sum(l_quantity) AS qty
FROM lineitem GROUP BY l_shipmode ORDER BY l_shipmode;
