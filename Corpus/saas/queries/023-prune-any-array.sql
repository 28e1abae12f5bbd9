-- pruning: = ANY(ARRAY[...]) on the distribution column
-- expect: multi-shard, at most 4 tasks
SELECT tenant_id, invoice_id, amount FROM invoices WHERE tenant_id = ANY(ARRAY[2, 4, 6, 8]) AND paid_on IS NULL ORDER BY tenant_id, invoice_id;
