-- CTE referenced twice: not inlined, becomes a subplan
-- expect: unsupported (CTE not inlined); Citus: subplan + coordinator task
WITH rev AS (SELECT tenant_id, sum(amount) AS total FROM invoices GROUP BY tenant_id)
SELECT count(*) AS tenants, (SELECT max(total) FROM rev) AS best FROM rev WHERE total > 5000;
