-- reference LEFT JOIN distributed on the distribution column (recurring outer join pushdown)
-- expect: multi-shard, 32 tasks with hash-range filters on cuisine_types
SELECT t.cuisine_id, t.name, r.name AS restaurant FROM cuisine_types t LEFT JOIN restaurants r ON r.restaurant_id = t.cuisine_id;
