-- non-colocated join: orders JOIN users on user_id (users has its own colocation group)
-- expect: error: the query contains a join that requires repartitioning
SELECT u.is_premium, count(*), avg(o.subtotal) FROM orders o JOIN users u ON u.user_id = o.user_id GROUP BY u.is_premium;
