-- count(DISTINCT (a, b)) becomes count(DISTINCT ROW(...)) on the coordinator (reference 5.2)
-- expect: multi-shard, 32 tasks
SELECT count(DISTINCT (status, flags)) FROM orders;
