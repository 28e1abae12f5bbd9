-- local table joined with a distributed table: the local table is wrapped into an intermediate result (reference 3.6, 6.5)
-- expect: unsupported (recursive planning of local tables); Citus: subplan over local_t (only column k fetched) + 32 tasks
SELECT c.id, c.name, l.k
FROM customers c JOIN local_t l ON l.k = c.id
WHERE c.score > 10;
