-- IN subquery on the distribution column
-- expect: multi-shard, 16 tasks (pushed down)
SELECT count(*) FROM users u WHERE u.tenant_id IN (SELECT tenant_id FROM invoices WHERE amount > 990);
