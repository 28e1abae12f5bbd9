-- reference RIGHT JOIN distributed: the distributed table is the outer side (reference 6.2)
-- expect: multi-shard, 32 tasks
SELECT c.id, k.name FROM countries k RIGHT JOIN customers c ON k.code = c.country WHERE c.score < 3;
