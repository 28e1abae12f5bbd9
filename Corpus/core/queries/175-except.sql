-- EXCEPT across shards (reference 7.5)
-- expect: unsupported (set operation across shards); Citus: recursively planned
SELECT id FROM customers EXCEPT SELECT customer_id FROM orders;
