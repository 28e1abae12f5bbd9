-- GROUP BY the distribution column: even an aggregate with ORDER BY inside runs on the workers (reference 5.3)
-- expect: multi-shard, 32 tasks; worker array_agg(amount ORDER BY id)
SELECT customer_id, array_agg(amount ORDER BY id) FROM orders GROUP BY customer_id;
