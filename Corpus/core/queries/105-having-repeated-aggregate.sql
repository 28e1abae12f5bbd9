-- HAVING repeating a selected aggregate: the worker sends it twice (AS sum, AS worker_column_3) (reference 5.3)
-- expect: multi-shard, 32 tasks; coordinator HAVING
SELECT status, sum(amount) FROM orders GROUP BY status HAVING sum(amount) > 100;
