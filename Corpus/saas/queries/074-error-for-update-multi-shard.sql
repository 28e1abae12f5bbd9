-- FOR UPDATE without a tenant filter
-- expect: error: could not run distributed query with FOR UPDATE/SHARE commands
SELECT invoice_id FROM invoices WHERE paid_on IS NULL FOR UPDATE;
