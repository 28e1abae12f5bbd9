-- GROUP BY non-distribution columns, ORDER BY group keys only, LIMIT pushed with the group keys appended
-- expect: multi-shard, 32 tasks; worker ORDER BY l_shipmode, l_returnflag, ... LIMIT 5
SELECT l_shipmode, l_returnflag, count(*) FROM lineitem GROUP BY l_shipmode, l_returnflag ORDER BY l_shipmode, l_returnflag LIMIT 5;
