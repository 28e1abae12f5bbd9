-- IN over a subquery of the same colocation group that also refers to the outer row through a non-key column
-- expect: multi-shard, 32 tasks (subquery pushed down)
SELECT count(*) FROM customers c WHERE c.id IN (SELECT o.customer_id FROM orders o WHERE o.flags = c.score % 16);
