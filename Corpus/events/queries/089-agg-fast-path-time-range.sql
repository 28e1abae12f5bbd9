-- multi-shard aggregate (aggregate fast path): a dashboard's time range on a column other than
-- the distribution column filters rows on every shard and prunes none
-- expect: multi-shard, 32 tasks
SELECT type_id, count(*), avg(value) FROM events WHERE occurred_at >= timestamptz '2024-05-01 00:00:00+00' AND occurred_at < timestamptz '2024-05-02 00:00:00+00' GROUP BY type_id;
