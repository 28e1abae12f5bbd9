-- an outer join inside a subquery ties the kept side only through its ON condition: the kept rows are not tied to the outer query
-- expect: unsupported (correlated: Citus refuses it, "complex joins are only supported when all distributed tables are co-located and joined on their distribution columns")
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o LEFT JOIN order_stats s ON s.customer_id = o.customer_id AND o.customer_id = c.id);
