-- a FROM subquery with DISTINCT on the distribution column
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*) FROM (SELECT DISTINCT customer_id FROM orders) s;
