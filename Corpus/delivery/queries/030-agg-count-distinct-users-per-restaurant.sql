-- count(DISTINCT non-distribution column) grouped by the distribution column: on the workers
-- expect: multi-shard, 32 tasks
SELECT restaurant_id, count(DISTINCT user_id) AS customers, count(*) AS orders FROM orders GROUP BY restaurant_id HAVING count(DISTINCT user_id) > 20 ORDER BY restaurant_id;
