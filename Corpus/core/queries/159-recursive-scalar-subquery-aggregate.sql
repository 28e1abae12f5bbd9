-- uncorrelated scalar subquery with an aggregate: subplan with its own avg combine (reference 7.2)
-- expect: unsupported (recursive planning); Citus: subplan + 32 tasks
SELECT count(*) FROM customers WHERE score > (SELECT avg(score) FROM customers);
