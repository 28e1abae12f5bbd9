-- distributed LEFT JOIN reference table, reference columns used (reference 6.2)
-- expect: multi-shard, 32 tasks
SELECT c.id, k.name FROM customers c LEFT JOIN countries k ON k.code = c.country WHERE c.id <= 40;
