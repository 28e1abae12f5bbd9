-- reference LEFT JOIN a text-distributed table on its distribution column: the filter hashes with hashtext
-- expect: multi-shard, 32 tasks with hashtext range filters on countries
SELECT k.code, k.name, s.n FROM countries k LEFT JOIN status_stats s ON s.status = k.code;
