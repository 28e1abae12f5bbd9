-- multi-shard join with a reference table, grouped by a reference column
-- expect: multi-shard, 16 tasks, plans shard in each task
SELECT p.name, count(*) AS tenants, sum(p.monthly_price) AS mrr
FROM tenants t JOIN plans p ON p.plan_id = t.plan_id
WHERE t.is_active
GROUP BY p.name ORDER BY p.name;
