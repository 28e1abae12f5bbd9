-- multi-shard: IN subquery on the distribution column is pushed down (reference 3.4 shape b, 7.1)
-- expect: multi-shard, 32 tasks, subquery stays in the worker query
SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders WHERE amount > 60);
