-- pruning: a range on the distribution column does not prune a hash table
-- expect: multi-shard, 4 tasks
SELECT source, count(*), sum(rows_loaded) FROM ingest_batches WHERE batch_ts >= timestamptz '2024-05-05 00:00:00+00' AND batch_ts < timestamptz '2024-05-06 00:00:00+00' GROUP BY source ORDER BY source;
