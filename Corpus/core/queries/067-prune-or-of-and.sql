-- pruning table 4.2: (id = 1 AND score > 2) OR id = 3
-- expect: multi-shard, 2 tasks
SELECT * FROM customers WHERE (id = 1 AND score > 2) OR id = 3;
