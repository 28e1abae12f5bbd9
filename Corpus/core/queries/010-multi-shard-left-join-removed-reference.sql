-- multi-shard: LEFT JOIN to a reference table on its primary key with no columns used; PostgreSQL removes the join (reference 3.3)
-- expect: multi-shard, 32 tasks; the reference table appears as an empty relation in the worker SQL
SELECT c.id, c.name
FROM customers c LEFT JOIN countries k ON k.code = c.country
WHERE c.score > 90
ORDER BY c.id;
