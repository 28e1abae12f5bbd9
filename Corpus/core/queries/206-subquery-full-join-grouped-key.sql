-- FULL JOIN between a subquery grouped by the distribution column and its colocated table on the key: unmatched rows of both sides come from their own shard
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT coalesce(s.customer_id, c.id) AS k, s.n, c.name FROM (SELECT customer_id, count(*) AS n FROM orders WHERE amount > 150 GROUP BY customer_id) s FULL JOIN customers c ON c.id = s.customer_id AND c.score > 50 WHERE coalesce(s.customer_id, c.id) > 450;
