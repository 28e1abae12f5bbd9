-- pruning: a stable function (now()) is not folded at plan time, so no pruning; no batch has the current time, so 0 rows
-- expect: multi-shard, 4 tasks, 0 rows
SELECT batch_ts, source FROM ingest_batches WHERE batch_ts = now();
