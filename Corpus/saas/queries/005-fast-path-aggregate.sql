-- fast-path router with aggregates: per-tenant task summary, the whole aggregate runs on the one shard
-- expect: fast-path router, 1 task, no coordinator merge
SELECT count(*), count(assignee_id), sum(estimate_hours), avg(estimate_hours), min(due_date), max(due_date) FROM tasks WHERE tenant_id = 5;
