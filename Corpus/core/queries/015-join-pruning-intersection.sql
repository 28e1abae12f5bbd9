-- join-shard pruning: intersection of c.id IN (8,2) and o.customer_id IN (2,3) (reference 3.4)
-- expect: router, 1 task (index 24, customer 2)
SELECT c.id, o.id AS order_id, o.amount
FROM customers c JOIN orders o ON c.id = o.customer_id
WHERE c.id IN (8, 2) AND o.customer_id IN (2, 3);
