-- INTERSECT across shards (reference 7.5)
-- expect: unsupported (set operation across shards); Citus: recursively planned
SELECT id FROM customers INTERSECT SELECT customer_id FROM orders WHERE amount > 190;
