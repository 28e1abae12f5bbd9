-- multi-shard aggregate (aggregate fast path): qualified by the alias; sum of bigint is numeric,
-- avg of numeric divides sums by counts
-- expect: multi-shard, 32 tasks
SELECT h.type_id, sum(h.n) AS n, avg(h.total) FROM hourly_rollup h GROUP BY h.type_id;
