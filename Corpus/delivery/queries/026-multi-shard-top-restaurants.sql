-- GROUP BY the distribution column, ORDER BY aggregate with a unique tie-breaker, LIMIT pushed
-- expect: multi-shard, 32 tasks; worker ORDER BY sum DESC, restaurant_id LIMIT 10
SELECT restaurant_id, sum(subtotal) AS revenue FROM orders WHERE status = 'delivered' GROUP BY restaurant_id ORDER BY revenue DESC, restaurant_id LIMIT 10;
