-- reference LEFT JOIN distributed on a non-distribution column: the distributed side is recursively planned
-- expect: unsupported (recursive planning); Citus: subplan over invoices, then 1 task
SELECT c.code, count(i.invoice_id) AS invoices FROM currencies c LEFT JOIN invoices i ON i.currency = c.code GROUP BY c.code;
