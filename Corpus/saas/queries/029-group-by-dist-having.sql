-- GROUP BY the distribution column with HAVING: fully on the workers
-- expect: multi-shard, 16 tasks; HAVING on the workers
SELECT tenant_id, count(*) AS unpaid, sum(amount) AS outstanding
FROM invoices WHERE paid_on IS NULL
GROUP BY tenant_id HAVING count(*) >= 2 AND sum(amount) > 900
ORDER BY tenant_id;
