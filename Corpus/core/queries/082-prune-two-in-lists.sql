-- pruning 4.1 step 2: id IN (1,2) AND id IN (2,3) also gives 3 tasks
-- expect: multi-shard, 3 tasks
SELECT * FROM customers WHERE id IN (1, 2) AND id IN (2, 3);
