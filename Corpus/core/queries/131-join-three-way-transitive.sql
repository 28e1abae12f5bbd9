-- colocated three-way join, distribution columns tied transitively (reference 6.1)
-- expect: multi-shard, 32 tasks
SELECT c.id, c.name, s.n, count(o.id) AS orders
FROM customers c JOIN orders o ON c.id = o.customer_id JOIN order_stats s ON s.customer_id = o.customer_id
GROUP BY c.id, c.name, s.n;
