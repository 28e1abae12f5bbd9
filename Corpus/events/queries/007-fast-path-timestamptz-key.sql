-- fast-path router on a timestamptz distribution column (4 shards)
-- expect: fast-path router, 1 task (timestamptz hashing of 2024-05-03 12:00 UTC)
SELECT batch_ts, source, rows_loaded FROM ingest_batches WHERE batch_ts = timestamptz '2024-05-03 12:00:00+00';
