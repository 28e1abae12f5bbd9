-- an operator named = from another schema (here: same last digit, defined in schema.sql) is not
-- equality: no pruning on it
-- expect: multi-shard, 32 tasks (Citus prunes only with the column type's own equality operator)
SELECT name FROM customers WHERE id OPERATOR(public.=) 42 ORDER BY id;
