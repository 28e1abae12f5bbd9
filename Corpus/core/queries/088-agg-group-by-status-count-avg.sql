-- aggregates grouped by a non-distribution column: avg split into sum and count (reference 5.2)
-- expect: multi-shard, 32 tasks; worker sum(amount) AS avg, count(amount) AS avg; coordinator HashAggregate
SELECT status, count(*), avg(amount) FROM orders GROUP BY status;
