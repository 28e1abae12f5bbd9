-- an operator named = from another schema may be anything but equality: no pruning on it
-- expect: multi-shard, 32 tasks (Citus prunes only on pg_catalog's equality operators)
SELECT name FROM customers WHERE id OPERATOR(public.=) 42;
