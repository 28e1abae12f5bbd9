-- GROUP BY the distribution column: whole aggregation including HAVING on the workers (reference 5.3)
-- expect: multi-shard, 32 tasks; worker HAVING (sum(amount) > '100'::numeric); coordinator only concatenates
SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id HAVING sum(amount) > 100;
