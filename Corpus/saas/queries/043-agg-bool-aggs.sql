-- bool_and, bool_or and every: same aggregate on workers and coordinator
-- expect: multi-shard, 16 tasks
SELECT plan_id, bool_and(is_active) AS all_active, bool_or(is_active) AS any_active, every(settings IS NOT NULL) AS all_configured FROM tenants GROUP BY plan_id ORDER BY plan_id;
