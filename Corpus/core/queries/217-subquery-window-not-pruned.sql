-- a window over all rows of the subquery: an outer filter on the distribution column must not
-- prune the table inside it (its row numbers count rows of every shard)
-- expect: not a one-shard plan
SELECT * FROM (SELECT customer_id, row_number() OVER (ORDER BY id) AS n FROM orders) t WHERE t.customer_id = 3;
