-- pruning: = NULL on the distribution column
-- expect: router (zero-shard task on the local node), 0 rows
SELECT order_id FROM orders WHERE restaurant_id = NULL;
