-- UNION ALL where the second branch projects a non-distribution column (reference 7.5)
-- expect: unsupported (set operation across shards); Citus: recursively planned
SELECT count(*) FROM (SELECT id FROM customers UNION ALL SELECT id FROM orders) u;
