-- pruning: OR with a branch that has no tenant filter: all shards
-- expect: multi-shard, 16 tasks
SELECT count(*) FROM tasks WHERE tenant_id = 11 OR state = 'blocked';
