-- join-shard pruning: an OR across the two tables does not prune (reference 3.4)
-- expect: multi-shard, 32 tasks
SELECT c.id, o.id AS order_id
FROM customers c JOIN orders o ON c.id = o.customer_id
WHERE c.id = 8 OR o.customer_id = 2;
