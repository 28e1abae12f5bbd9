-- multi-shard UPDATE ... FROM a reference table with RETURNING (convert open invoices to USD)
-- expect: multi-shard modify, 16 tasks, currencies shard in each
UPDATE invoices i SET amount = round(i.amount * c.usd_rate, 2), currency = 'USD'
FROM currencies c
WHERE c.code = i.currency AND i.paid_on IS NULL AND c.code = 'GBP'
RETURNING i.tenant_id, i.invoice_id, i.amount;
