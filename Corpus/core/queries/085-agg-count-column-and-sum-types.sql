-- count(x) next to count(*), and sum over int4, int8 and numeric (reference 5.2: different coordinator casts)
-- expect: multi-shard, 32 tasks; coordinator (pg_catalog.sum(remote_scan.sum))::bigint for int4, pg_catalog.sum for int8, sum for numeric
SELECT count(*), count(created_at), sum(flags), sum(id), sum(amount) FROM orders;
