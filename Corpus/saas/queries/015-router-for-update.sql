-- router: FOR UPDATE on a single shard (unpaid invoices of one tenant)
-- expect: fast-path router, 1 task (FOR UPDATE allowed on one shard)
SELECT invoice_id, amount FROM invoices WHERE tenant_id = 8 AND paid_on IS NULL ORDER BY invoice_id FOR UPDATE;
