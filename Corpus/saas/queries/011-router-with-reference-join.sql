-- router: one distributed table pruned to one shard joined with two reference tables
-- expect: router, 1 task (not fast path: more than one range-table entry)
SELECT t.name, p.name AS plan, p.monthly_price, c.symbol
FROM tenants t JOIN plans p ON p.plan_id = t.plan_id JOIN currencies c ON c.code = t.currency
WHERE t.tenant_id = 12;
