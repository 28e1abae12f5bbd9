-- UPDATE ... FROM a local table: the local table is recursively planned (reference 3.9)
-- expect: unsupported (recursive planning of local tables); Citus: works, subplan + 32 tasks
UPDATE orders o SET status = l.v FROM local_t l WHERE l.k = o.customer_id AND l.v IS NOT NULL;
