-- correlated EXISTS joining a reference table inside the subquery
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o JOIN tiers t ON t.id = o.flags WHERE o.customer_id = c.id AND t.label LIKE 'gold%');
