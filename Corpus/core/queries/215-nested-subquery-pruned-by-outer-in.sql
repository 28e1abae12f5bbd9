-- the outer filter reaches through two levels of subqueries and a renamed column
-- expect: multi-shard over the shards of customers 1 and 2 only
SELECT b.k, count(*) FROM (SELECT a.c AS k FROM (SELECT customer_id AS c, amount FROM orders WHERE amount > 10) a) b WHERE b.k IN (1, 2) GROUP BY b.k ORDER BY 1;
