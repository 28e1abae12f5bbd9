-- string_agg with ORDER BY inside, grouped by the distribution column: computed on the workers
-- expect: multi-shard, 16 tasks, aggregation on the workers
SELECT tenant_id, string_agg(email, '; ' ORDER BY user_id) AS emails FROM users WHERE role = 'owner' GROUP BY tenant_id;
