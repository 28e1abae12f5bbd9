-- multi-shard: GROUP BY a non-distribution column
-- expect: multi-shard, 32 tasks; coordinator HashAggregate
SELECT status, count(*), sum(subtotal), avg(delivery_fee) FROM orders GROUP BY status ORDER BY status;
