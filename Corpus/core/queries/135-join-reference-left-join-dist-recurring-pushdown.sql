-- reference LEFT JOIN distributed on the distribution column: pushed down with per-task hash-range filters on the reference side (reference 6.2, 10.9)
-- expect: multi-shard, 32 tasks; shard-index-0 task has t.id IS NULL OR btint4cmp(...) range filter
SELECT t.label, c.name FROM tiers t LEFT JOIN customers c ON t.id = c.id;
