-- CTE inlining fails (correlated on a non-distribution column), Citus retries with the CTE as a subplan (reference 7.4)
-- expect: unsupported (recursive planning); Citus: subplan 1_1 + 32 tasks
WITH c AS (SELECT flags, customer_id FROM orders)
SELECT count(*) FROM customers x WHERE EXISTS (SELECT 1 FROM c WHERE c.flags = x.score);
