-- correlated scalar subquery in the target list on the distribution column (reference 7.1)
-- expect: multi-shard, 32 tasks; (SELECT count(*) ... WHERE o.customer_id = c.id) in the task (Citus: worker_subquery.worker_column_1)
SELECT c.id, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c;
