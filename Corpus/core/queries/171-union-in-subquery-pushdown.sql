-- UNION of colocated tables inside a FROM subquery, distribution column in the same position (reference 7.5)
-- expect: multi-shard, 32 tasks; SELECT FROM (... UNION ...) u inside worker_subquery
SELECT count(*) FROM (SELECT id FROM customers UNION SELECT customer_id FROM orders) u;
