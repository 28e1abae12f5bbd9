-- GROUP BY non-distribution columns, ORDER BY without an aggregate: worker ORDER BY is followed by all group keys (reference 5.4, 10.7; each flags value belongs to one status, so the order is total)
-- expect: multi-shard, 32 tasks; worker GROUP BY flags, status ORDER BY flags, flags, status LIMIT '2'::bigint
SELECT status, flags, count(*) FROM orders GROUP BY status, flags ORDER BY flags LIMIT 2;
