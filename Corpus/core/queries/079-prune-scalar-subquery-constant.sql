-- pruning table 4.2: id = (SELECT 5) is an InitPlan Param, not a constant
-- expect: multi-shard, 32 tasks
SELECT * FROM customers WHERE id = (SELECT 5);
