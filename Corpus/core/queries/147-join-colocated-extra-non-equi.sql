-- extra non-equi condition next to the colocating equality (reference 6.4)
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id AND c.score > o.flags;
