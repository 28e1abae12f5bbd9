-- SELECT DISTINCT on non-distribution columns
-- expect: multi-shard, 32 tasks
SELECT DISTINCT status, promo_code FROM orders ORDER BY status, promo_code NULLS FIRST;
