-- SELECT DISTINCT including the distribution column: still de-duplicated on the coordinator (reference 5.5)
-- expect: multi-shard, 32 tasks
SELECT DISTINCT customer_id, status FROM orders WHERE customer_id < 50;
