-- colocated FULL JOIN on distribution columns (reference 6.3)
-- expect: multi-shard, 32 tasks (subquery shape)
SELECT c.id, o.id AS order_id FROM customers c FULL JOIN orders o ON c.id = o.customer_id WHERE c.id > 470 OR c.id IS NULL;
