-- a filter on a FROM subquery's column that is the distribution column prunes the table inside
-- it (as PostgreSQL pushes the condition into the subquery): one shard, a router query
-- expect: router, 1 task (orders_102055)
SELECT s.customer_id, s.total FROM (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) s WHERE s.customer_id = 3;
