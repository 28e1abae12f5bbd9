-- colocated RIGHT JOIN on distribution columns
-- expect: multi-shard, 32 tasks (subquery shape)
SELECT o.id, c.name FROM customers c RIGHT JOIN orders o ON c.id = o.customer_id WHERE o.flags = 15;
