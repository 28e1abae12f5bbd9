-- DISTINCT ON the distribution column: most recent login per tenant (ties broken by user_id)
-- expect: multi-shard, 16 tasks; coordinator Unique over Sort
SELECT DISTINCT ON (tenant_id) tenant_id, user_id, last_login FROM users WHERE last_login IS NOT NULL ORDER BY tenant_id, last_login DESC, user_id;
