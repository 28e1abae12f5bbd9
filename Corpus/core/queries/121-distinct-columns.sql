-- SELECT DISTINCT: worker DISTINCT, coordinator de-duplicates again (reference 5.5)
-- expect: multi-shard, 32 tasks; coordinator HashAggregate on all columns
SELECT DISTINCT status, flags FROM orders;
