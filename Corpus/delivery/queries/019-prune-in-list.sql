-- pruning: IN list of restaurants (franchise report)
-- expect: multi-shard, at most 4 tasks
SELECT restaurant_id, count(*) AS orders, sum(subtotal) AS revenue FROM orders WHERE restaurant_id IN (2, 3, 5, 8) GROUP BY restaurant_id ORDER BY restaurant_id;
