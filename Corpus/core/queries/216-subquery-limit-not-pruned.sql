-- a subquery with LIMIT picks rows across every shard: an outer filter on its column must not
-- prune the table inside it (the query needs a subplan: refused)
-- expect: unsupported (subquery with LIMIT)
SELECT * FROM (SELECT customer_id, amount FROM orders ORDER BY amount DESC LIMIT 10) t WHERE t.customer_id = 3;
