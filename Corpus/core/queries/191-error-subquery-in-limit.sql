-- IN over a subquery with ORDER BY ... LIMIT: the first rows of all shards are not each shard's first rows
-- expect: unsupported (recursive planning)
SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders ORDER BY amount DESC LIMIT 5);
