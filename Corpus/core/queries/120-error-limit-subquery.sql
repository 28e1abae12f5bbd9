-- LIMIT (SELECT ...) in a multi-shard query (reference 5.4, 8)
-- expect: error: subquery in LIMIT is not supported in multi-shard queries
SELECT id FROM orders ORDER BY id LIMIT (SELECT 3);
