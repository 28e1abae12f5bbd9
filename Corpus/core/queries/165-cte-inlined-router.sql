-- CTE referenced once is inlined; with a distribution-key filter the query is router (reference 7.4)
-- expect: router, 1 task (orders_102055)
WITH big AS (SELECT * FROM orders WHERE amount > 50)
SELECT count(*) FROM big WHERE customer_id = 3;
