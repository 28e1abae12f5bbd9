-- pruning: IN list of timestamptz constants
-- expect: multi-shard, at most 3 tasks
SELECT batch_ts, rows_loaded FROM ingest_batches WHERE batch_ts IN (timestamptz '2024-05-01 05:00:00+00', timestamptz '2024-05-02 05:00:00+00', timestamptz '2024-05-03 05:00:00+00') ORDER BY batch_ts;
