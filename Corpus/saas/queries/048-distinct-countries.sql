-- SELECT DISTINCT on non-distribution columns
-- expect: multi-shard, 16 tasks; coordinator de-duplicates
SELECT DISTINCT country, currency FROM tenants ORDER BY country NULLS LAST, currency;
