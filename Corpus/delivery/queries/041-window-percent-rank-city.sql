-- window partitioned by a non-distribution column: coordinator WindowAgg
-- expect: multi-shard, 32 tasks; coordinator WindowAgg
SELECT restaurant_id, city_id, rating, percent_rank() OVER (PARTITION BY city_id ORDER BY rating NULLS FIRST, restaurant_id) AS pr FROM restaurants;
