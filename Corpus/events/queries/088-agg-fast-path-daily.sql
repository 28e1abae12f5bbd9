-- multi-shard aggregate (aggregate fast path): grouped by a date; the output names repeat a
-- column's name
-- expect: multi-shard, 32 tasks
SELECT day, sum(events) AS events, avg(distinct_types), max(distinct_types) AS distinct_types FROM daily_rollup GROUP BY day;
