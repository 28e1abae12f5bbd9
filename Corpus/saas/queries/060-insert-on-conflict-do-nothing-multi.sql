-- multi-row INSERT ... ON CONFLICT DO NOTHING (one row conflicts)
-- expect: multi-row INSERT, one task per target shard
INSERT INTO invoices (tenant_id, invoice_id, issued_on, amount, currency) VALUES
    (10, 10, date '2024-01-01', 99.99, 'USD'),
    (10, 9010, date '2024-06-01', 120.50, 'USD'),
    (11, 9011, date '2024-06-01', 75.25, 'EUR')
ON CONFLICT DO NOTHING;
