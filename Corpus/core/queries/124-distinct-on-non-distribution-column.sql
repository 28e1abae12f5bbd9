-- DISTINCT ON a non-distribution column with ORDER BY and LIMIT; hidden ORDER BY column (reference 5.5; amounts unique)
-- expect: multi-shard, 32 tasks; worker DISTINCT ON (status) ... amount AS worker_column_3 ORDER BY status, amount LIMIT '2'::bigint; coordinator Limit/Unique/Sort
SELECT DISTINCT ON (status) status, id FROM orders ORDER BY status, amount LIMIT 2;
