-- aggregate: count(*) over all shards (reference 5.2, 9)
-- expect: multi-shard, 32 tasks; coordinator COALESCE((pg_catalog.sum(remote_scan.count))::bigint, '0'::bigint)
SELECT count(*) FROM orders;
