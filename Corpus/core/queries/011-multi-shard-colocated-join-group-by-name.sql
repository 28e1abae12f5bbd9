-- multi-shard colocated join, GROUP BY a non-distribution column (reference 3.4 shape a)
-- expect: multi-shard, 32 tasks; coordinator HashAggregate over remote_scan.name
SELECT c.name, sum(o.amount) FROM customers c JOIN orders o ON c.id = o.customer_id GROUP BY c.name;
