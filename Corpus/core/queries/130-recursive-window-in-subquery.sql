-- a FROM subquery with a window not partitioned by the distribution column is not pushable: recursively planned (reference 5.6)
-- expect: unsupported (recursive planning); Citus: subplan + coordinator task
SELECT t.status, count(*) FROM (SELECT status, rank() OVER (PARTITION BY status ORDER BY amount) AS r FROM orders) t WHERE t.r <= 3 GROUP BY t.status;
