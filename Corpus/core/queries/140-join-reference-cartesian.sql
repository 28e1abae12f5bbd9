-- cartesian product with a reference table is pushed down (reference 3.5, 6.2)
-- expect: multi-shard, 32 tasks
SELECT count(*) FROM customers c JOIN tiers t ON (true);
