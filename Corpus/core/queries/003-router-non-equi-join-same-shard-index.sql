-- router: join on non-distribution columns allowed because ids 8 and 20 both map to shard index 0 (reference 3.3)
-- expect: router, 1 task (customers_102008 + orders_102040)
SELECT c.id, c.name, c.score, o.id AS order_id, o.flags
FROM customers c JOIN orders o ON c.score = o.flags
WHERE c.id = 8 AND o.customer_id = 20
ORDER BY o.id;
