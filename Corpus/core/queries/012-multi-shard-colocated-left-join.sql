-- multi-shard colocated LEFT JOIN on distribution columns (reference 3.4 shape b, worker_subquery)
-- expect: multi-shard, 32 tasks (subquery-pushdown shape)
SELECT c.name, o.amount FROM customers c LEFT JOIN orders o ON c.id = o.customer_id;
