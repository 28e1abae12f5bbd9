-- colocated join grouped by the distribution column with avg and min/max
-- expect: multi-shard, 16 tasks
SELECT p.tenant_id, avg(t.estimate_hours) AS avg_hours, min(t.due_date), max(t.due_date)
FROM projects p JOIN tasks t ON t.tenant_id = p.tenant_id AND t.project_id = p.project_id
WHERE p.status = 'active'
GROUP BY p.tenant_id;
