-- same join as the router case, but customer_id 2 is shard index 24, so the join needs repartitioning (reference 3.3)
-- expect: error: the query contains a join that requires repartitioning (plain PostgreSQL: 0 rows)
SELECT c.id, c.name, o.id AS order_id
FROM customers c JOIN orders o ON c.score = o.flags
WHERE c.id = 8 AND o.customer_id = 2;
