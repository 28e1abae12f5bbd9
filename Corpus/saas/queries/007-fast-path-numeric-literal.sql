-- pruning: numeric literal 9.0 compared with the bigint key (assignment coercion to 9)
-- expect: fast-path router, 1 task (shard of 9)
SELECT invoice_id, amount, paid_on FROM invoices WHERE tenant_id = 9.0 ORDER BY invoice_id;
