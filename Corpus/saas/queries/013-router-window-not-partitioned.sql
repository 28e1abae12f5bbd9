-- router: a window function not partitioned by the distribution column is fine on a single shard
-- expect: fast-path router, 1 task (window computed on the worker)
SELECT user_id, last_login, rank() OVER (ORDER BY last_login DESC NULLS LAST, user_id) AS recency
FROM users WHERE tenant_id = 10;
