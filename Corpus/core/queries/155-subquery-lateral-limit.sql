-- LATERAL subquery correlated on the distribution column with ORDER BY ... LIMIT (reference 7.1)
-- expect: multi-shard, 32 tasks
SELECT x.id, t.id AS order_id, t.amount
FROM customers x JOIN LATERAL (SELECT o.id, o.amount FROM orders o WHERE o.customer_id = x.id ORDER BY amount DESC LIMIT 2) t ON true
WHERE x.score > 95;
