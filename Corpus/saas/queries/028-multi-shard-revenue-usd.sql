-- multi-shard join with a reference table, numeric aggregate (exact, order-independent)
-- expect: multi-shard, 16 tasks; coordinator sums partial sums
SELECT date_trunc('month', i.issued_on)::date AS month, round(sum(i.amount * c.usd_rate), 2) AS revenue_usd
FROM invoices i JOIN currencies c ON c.code = i.currency
WHERE i.paid_on IS NOT NULL
GROUP BY 1 ORDER BY 1;
