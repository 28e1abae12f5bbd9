-- a FROM subquery whose key output is NULL for unmatched rows, grouped by the outer query: the NULL group is merged on the coordinator
-- expect: multi-shard, 32 tasks; partial counts merged on the coordinator
SELECT t.k IS NULL AS unmatched, count(*) FROM (SELECT o.customer_id AS k FROM customers c LEFT JOIN orders o ON o.customer_id = c.id) t GROUP BY t.k IS NULL ORDER BY 1;
