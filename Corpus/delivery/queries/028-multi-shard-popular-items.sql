-- GROUP BY a non-distribution column, ORDER BY an aggregate plus the group key, LIMIT (not pushed)
-- expect: multi-shard, 32 tasks; no worker LIMIT
SELECT item_name, sum(quantity) AS qty FROM order_items GROUP BY item_name ORDER BY qty DESC, item_name LIMIT 10;
