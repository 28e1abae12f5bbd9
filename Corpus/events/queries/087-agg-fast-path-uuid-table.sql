-- multi-shard aggregate (aggregate fast path): a table distributed by uuid; avg of bigint shares
-- its worker sum with sum(bytes)
-- expect: multi-shard, 32 tasks
SELECT user_agent, count(*), sum(bytes), avg(bytes) FROM sessions GROUP BY user_agent;
