-- DELETE with an uncorrelated non-colocated IN subquery: recursively planned (reference 3.9)
-- expect: unsupported (recursive planning); Citus: subplan over customers + 32 DELETE tasks reading it
DELETE FROM orders WHERE flags IN (SELECT score FROM customers WHERE country = 'NL');
