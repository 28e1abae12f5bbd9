-- the same table in the query and in its correlated subquery, tied by the distribution column
-- expect: multi-shard, 32 tasks, orders_102040 in the query and in the subquery
SELECT o.id, o.amount FROM orders o WHERE EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id AND p.amount > o.amount * 2) ORDER BY o.id LIMIT 10;
