-- pruning: contradiction through a colocated join
-- expect: router (zero-shard task on the local node)
SELECT count(*) FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id WHERE o.restaurant_id = 3 AND i.restaurant_id = 4;
