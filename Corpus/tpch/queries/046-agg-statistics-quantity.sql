-- statistical aggregates over numeric: row gather
-- expect: multi-shard, 32 tasks
SELECT l_returnflag, round(stddev_pop(l_quantity), 8) AS sd_pop, round(stddev_samp(l_quantity), 8) AS sd_samp, round(var_pop(l_quantity), 8) AS v_pop, round(var_samp(l_quantity), 8) AS v_samp
FROM lineitem GROUP BY l_returnflag ORDER BY l_returnflag;
