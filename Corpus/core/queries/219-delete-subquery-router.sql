-- DELETE with a colocated IN subquery and a distribution-column filter: one shard
-- expect: modify, 1 task (orders_102055 and customers_102023)
DELETE FROM orders WHERE customer_id = 3 AND customer_id IN (SELECT id FROM customers WHERE score > 10);
