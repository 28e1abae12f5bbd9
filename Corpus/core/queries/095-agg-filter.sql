-- FILTER stays on the worker for a pushable aggregate (reference 5.2)
-- expect: multi-shard, 32 tasks; worker count(*) FILTER (WHERE status = 'paid')
SELECT count(*) FILTER (WHERE status = 'paid') AS paid, count(*) AS total FROM orders;
