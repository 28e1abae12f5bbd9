-- reference LEFT JOIN distributed on a non-distribution column: distributed side recursively planned (reference 6.2)
-- expect: unsupported (recursive planning); Citus: subplan over customers, then 1 task on the coordinator
SELECT c.id, k.name FROM countries k LEFT JOIN customers c ON k.code = c.country;
