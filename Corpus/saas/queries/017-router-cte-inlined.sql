-- CTE referenced once is inlined; the tenant filter makes it a router query
-- expect: router, 1 task
WITH overdue AS (SELECT * FROM invoices WHERE paid_on IS NULL AND issued_on < date '2024-06-01')
SELECT tenant_id, count(*), sum(amount) FROM overdue WHERE tenant_id = 21 GROUP BY tenant_id;
