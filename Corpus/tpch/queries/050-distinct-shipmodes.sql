-- SELECT DISTINCT on non-distribution columns
-- expect: multi-shard, 32 tasks
SELECT DISTINCT l_shipmode, l_shipinstruct FROM lineitem ORDER BY l_shipmode, l_shipinstruct;
