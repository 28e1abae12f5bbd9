-- window function partitioned by the distribution column: pushed down in the subquery shape (reference 5.6)
-- expect: multi-shard, 32 tasks; rank() OVER (PARTITION BY worker_column_2 ORDER BY worker_column_3)
SELECT id, customer_id, rank() OVER (PARTITION BY customer_id ORDER BY amount) FROM orders;
