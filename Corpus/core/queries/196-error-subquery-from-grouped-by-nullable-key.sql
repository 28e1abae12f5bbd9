-- a FROM subquery grouped by a null-extended key: its NULL group would come from every shard
-- expect: unsupported (recursive planning)
SELECT count(*), sum(n) FROM (SELECT o.customer_id, count(*) AS n FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY o.customer_id) t;
