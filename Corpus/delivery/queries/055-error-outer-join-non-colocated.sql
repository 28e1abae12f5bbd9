-- outer join across colocation groups
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT u.user_id, count(o.order_id) FROM users u LEFT JOIN orders o ON o.user_id = u.user_id GROUP BY u.user_id;
