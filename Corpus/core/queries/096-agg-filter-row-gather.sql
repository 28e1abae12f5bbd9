-- FILTER under row gather: the predicate travels as a worker column and the coordinator applies FILTER (WHERE remote_scan.x) (reference 5.2)
-- expect: multi-shard, 32 tasks; worker sends status, id and the filter predicate as plain columns
SELECT length(string_agg(status, ',' ORDER BY id) FILTER (WHERE flags > 10)) AS chars, count(*) FILTER (WHERE flags > 10) AS n FROM orders;
