-- DELETE pruned by an IN list on the distribution column
-- expect: multi-shard modify, at most 3 tasks
DELETE FROM audit_log WHERE tenant_id IN (4, 5, 6) AND at < timestamptz '2024-03-10 00:00:00+00';
