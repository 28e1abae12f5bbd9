-- bit_and and bit_or over the permission bitmask per role
-- expect: multi-shard, 16 tasks
SELECT role, bit_and(permissions) AS common, bit_or(permissions) AS any FROM users GROUP BY role ORDER BY role;
