-- router: equality propagation through the join, both tables pruned to index 27 (reference 3.3)
-- expect: router, 1 task (customers_102035 + orders_102067)
SELECT c.name, o.id, o.amount
FROM customers c JOIN orders o ON c.id = o.customer_id
WHERE c.id = 42
ORDER BY o.id;
