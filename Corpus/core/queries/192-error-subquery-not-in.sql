-- NOT IN over a distributed subquery: not pushed down (NULL semantics of NOT IN are not proven per shard)
-- expect: unsupported (recursive planning)
SELECT count(*) FROM customers c WHERE c.id NOT IN (SELECT customer_id FROM orders WHERE amount > 100);
