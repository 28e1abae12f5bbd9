-- a subquery grouped by a FULL JOIN's null-extended key: its NULL group would come from every shard
-- expect: unsupported (recursive planning)
SELECT count(*) FROM (SELECT o.customer_id, count(*) AS n FROM customers c FULL JOIN orders o ON o.customer_id = c.id GROUP BY o.customer_id) s;
