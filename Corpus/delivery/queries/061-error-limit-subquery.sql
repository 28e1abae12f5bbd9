-- LIMIT (SELECT ...) on a multi-shard query
-- expect: error: subquery in LIMIT is not supported in multi-shard queries
SELECT restaurant_id, name FROM restaurants ORDER BY restaurant_id LIMIT (SELECT count(*) FROM cities);
