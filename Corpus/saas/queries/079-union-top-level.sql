-- top-level UNION across shards
-- expect: unsupported (set operation across shards); Citus: each branch a subplan, 1 task
SELECT tenant_id FROM invoices WHERE amount > 1000 UNION SELECT tenant_id FROM tasks WHERE priority = 5 AND state = 'blocked';
