-- window partitioned by the distribution column: running invoice total per tenant
-- expect: multi-shard, 16 tasks, window pushed down
SELECT tenant_id, invoice_id, amount, sum(amount) OVER (PARTITION BY tenant_id ORDER BY issued_on, invoice_id) AS running FROM invoices WHERE tenant_id < 20;
