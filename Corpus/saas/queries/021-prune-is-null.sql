-- pruning: IS NULL never prunes
-- expect: multi-shard, 16 tasks, 0 rows
SELECT user_id FROM users WHERE tenant_id IS NULL;
