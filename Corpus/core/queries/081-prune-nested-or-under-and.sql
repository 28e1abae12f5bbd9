-- pruning 4.1 step 2: (id=1 OR id=2) AND (id=2 OR id=3) gives branches {1},{2},{2},{3}: 3 shards, not the exact {2}
-- expect: multi-shard, 3 tasks
SELECT * FROM customers WHERE (id = 1 OR id = 2) AND (id = 2 OR id = 3);
