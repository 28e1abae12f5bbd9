-- join-shard pruning: c.id IN (8, 2) alone prunes the colocated join to 2 shard indexes (reference 3.4)
-- expect: multi-shard, 2 tasks
SELECT c.id, o.id AS order_id, o.amount
FROM customers c JOIN orders o ON c.id = o.customer_id
WHERE c.id IN (8, 2);
