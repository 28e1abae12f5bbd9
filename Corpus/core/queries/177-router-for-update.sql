-- FOR UPDATE is allowed on the router path (reference 3.3)
-- expect: router, 1 task
SELECT c.id, o.id AS order_id FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 5 ORDER BY o.id FOR UPDATE;
