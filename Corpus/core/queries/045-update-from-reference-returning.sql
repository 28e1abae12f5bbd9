-- multi-shard UPDATE ... FROM a reference table with RETURNING (reference 3.9)
-- expect: multi-shard modify, 32 tasks; coordinator concatenates RETURNING rows
UPDATE customers c SET name = c.name || ' (' || k.name || ')'
FROM countries k
WHERE k.code = c.country AND c.score > 95
RETURNING c.id, c.name;
