-- a FROM subquery with a window partitioned by the distribution column
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*), sum(t.amount) FROM (SELECT customer_id, amount, rank() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS r FROM orders) t WHERE t.r = 1;
