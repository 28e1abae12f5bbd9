-- count(DISTINCT x) on a non-distribution column: worker groups by x (reference 5.2)
-- expect: multi-shard, 32 tasks; worker status AS count ... GROUP BY status; coordinator count(DISTINCT remote_scan.count)
SELECT count(DISTINCT status) FROM orders;
