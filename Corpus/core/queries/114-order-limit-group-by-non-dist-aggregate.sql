-- GROUP BY non-distribution column, ORDER BY an aggregate: no worker LIMIT (reference 5.4; with SET citus.limit_clause_row_fetch_count = 100 the worker would get ORDER BY (sum(amount)) DESC LIMIT '100'::bigint)
-- expect: multi-shard, 32 tasks; worker has no ORDER BY/LIMIT
SELECT status, sum(amount) FROM orders GROUP BY status ORDER BY 2 DESC LIMIT 2;
