-- reference LEFT JOIN distributed on the distribution column: pushed down with per-task hash-range filters on the reference side (reference 6.2, 10.9)
-- expect: multi-shard, 32 tasks; the shard-index-0 task keeps t.id IS NULL OR hashint8(t.id) in its range (Citus writes the range with btint4cmp and a strict lower bound)
SELECT t.label, c.name FROM tiers t LEFT JOIN customers c ON t.id = c.id;
