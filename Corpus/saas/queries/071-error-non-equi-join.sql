-- non-equi join between distributed tables
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM tenants t JOIN invoices i ON i.tenant_id < t.tenant_id WHERE t.plan_id = 4;
