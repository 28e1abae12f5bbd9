-- FROM subquery grouped by the distribution column (reference 7.1)
-- expect: multi-shard, 32 tasks
SELECT * FROM (SELECT customer_id, sum(amount) total FROM orders GROUP BY customer_id) t WHERE t.total > 500;
