-- pruning table 4.2: id IN (1,2,3)
-- expect: multi-shard, 3 tasks, each with = ANY ('{1,2,3}'::bigint[])
SELECT * FROM customers WHERE id IN (1, 2, 3);
