-- multi-shard aggregate (aggregate fast path): per event type over every shard; avg of double
-- precision combines as double precision, sum of numeric(10,3) is plain numeric, count(DISTINCT)
-- of a uuid groups the workers by it
-- expect: multi-shard, 32 tasks
SELECT type_id, count(*) AS events, count(DISTINCT session_id) AS sessions, avg(value) AS avg_value, sum(amount) AS total FROM events GROUP BY type_id;
