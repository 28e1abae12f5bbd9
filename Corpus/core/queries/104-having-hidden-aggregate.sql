-- HAVING on a non-distribution grouping with an aggregate not in the select list: hidden worker column (reference 5.3)
-- expect: multi-shard, 32 tasks; worker max(flags) AS worker_column_3; coordinator Filter max(remote_scan.worker_column_3) > 3
SELECT status, count(*) FROM orders GROUP BY status HAVING max(flags) > 3;
