-- several count(DISTINCT) plus sum: worker groups by all distinct columns (reference 5.2)
-- expect: multi-shard, 32 tasks; worker GROUP BY status, flags
SELECT count(DISTINCT status), count(DISTINCT flags), sum(amount) FROM orders;
