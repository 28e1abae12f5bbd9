-- DELETE from a reference table with an IN subquery over a distributed table: the subquery is recursively planned (reference 3.9)
-- expect: unsupported (recursive planning); Citus: works
DELETE FROM countries WHERE code IN (SELECT country FROM customers);
