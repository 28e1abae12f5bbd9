-- multi-shard: GROUP BY a non-distribution column
-- expect: multi-shard, 16 tasks; coordinator HashAggregate
SELECT role, count(*) AS users, count(last_login) AS ever_logged_in FROM users GROUP BY role ORDER BY role;
