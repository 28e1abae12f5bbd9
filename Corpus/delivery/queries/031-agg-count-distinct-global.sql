-- count(DISTINCT) of a non-distribution column and of the distribution column over all shards
-- expect: multi-shard, 32 tasks
SELECT count(DISTINCT user_id) AS customers, count(DISTINCT restaurant_id) AS restaurants, count(DISTINCT courier_id) AS couriers FROM orders WHERE status = 'delivered';
