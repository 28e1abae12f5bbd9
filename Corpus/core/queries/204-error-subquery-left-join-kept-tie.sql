-- an outer join inside a subquery ties the kept side only through its ON condition: the kept rows are not tied to the outer query
-- expect: unsupported (recursive planning)
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o LEFT JOIN order_stats s ON s.customer_id = o.customer_id AND o.customer_id = c.id);
