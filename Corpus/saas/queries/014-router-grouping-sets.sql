-- router: GROUPING SETS are allowed when the query targets one shard
-- expect: fast-path router, 1 task
SELECT currency, date_trunc('quarter', issued_on)::date AS quarter, sum(amount), count(*)
FROM invoices WHERE tenant_id = 8
GROUP BY GROUPING SETS ((currency), (currency, date_trunc('quarter', issued_on)::date), ())
ORDER BY currency NULLS LAST, quarter NULLS FIRST;
