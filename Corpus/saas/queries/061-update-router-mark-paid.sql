-- UPDATE routed to one tenant with RETURNING
-- expect: fast-path router (modify), 1 task
UPDATE invoices SET paid_on = date '2024-07-01' WHERE tenant_id = 8 AND paid_on IS NULL RETURNING invoice_id, amount;
