-- UPDATE that moves rows to another tenant
-- expect: error: modifying the partition value of rows is not allowed
UPDATE invoices SET tenant_id = 2 WHERE tenant_id = 1 AND invoice_id = 200;
