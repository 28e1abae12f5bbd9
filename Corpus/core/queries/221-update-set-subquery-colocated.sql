-- UPDATE whose SET reads a subquery correlated on the distribution column: pushed down
-- expect: multi-shard modify, 32 tasks
UPDATE customers c SET score = (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) RETURNING c.id, c.score;
