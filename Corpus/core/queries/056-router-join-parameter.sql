-- colocated join filtered by a parameter: router, not deferred (reference 3.10)
-- params: $1 = 42
-- expect: router, 1 task (customers_102035 + orders_102067) once the parameter is bound
SELECT c.name, o.id, o.amount
FROM customers c JOIN orders o ON c.id = o.customer_id
WHERE c.id = $1
ORDER BY o.id;
