-- router: window function not partitioned by the distribution column on one shard
-- expect: fast-path router, 1 task
SELECT item_id, name, price, rank() OVER (ORDER BY price DESC, item_id) AS price_rank FROM menu_items WHERE restaurant_id = 48;
