-- IN over a subquery grouped by the distribution column with HAVING: each group is within one shard
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*), sum(c.score) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 4);
