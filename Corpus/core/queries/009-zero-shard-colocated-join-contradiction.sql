-- pruning: colocated join whose two key filters contradict through the join equality (reference 3.3)
-- expect: router (zero-shard task; both tables replaced by empty relations)
SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id
WHERE c.id = 8 AND o.customer_id = 2;
