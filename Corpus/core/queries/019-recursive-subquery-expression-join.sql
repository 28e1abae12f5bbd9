-- recursive planning: FROM subquery joined on an expression of the distribution column is not colocated (reference 3.6)
-- expect: unsupported (recursive planning); Citus: subplan for the subquery + 32 tasks
SELECT count(*) FROM customers c JOIN (SELECT customer_id + 0 AS cid FROM orders) t ON t.cid = c.id;
