-- count(DISTINCT) on the distribution column and on another column together
-- expect: multi-shard, 16 tasks; worker groups by role for the non-distribution distinct
SELECT count(DISTINCT tenant_id) AS tenants_with_users, count(DISTINCT role) AS roles, count(*) FROM users;
