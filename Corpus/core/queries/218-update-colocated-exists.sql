-- UPDATE with an EXISTS subquery correlated on the distribution column: pushed down, one task per shard (reference 3.9)
-- expect: multi-shard modify, 32 tasks, each with the customers and orders shards of one index
UPDATE customers c SET score = score + 1 WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 150);
