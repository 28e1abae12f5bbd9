-- pruning table 4.2: IS NULL never prunes
-- expect: multi-shard, 32 tasks, 0 rows (no shard holds NULL keys)
SELECT * FROM customers WHERE id IS NULL;
