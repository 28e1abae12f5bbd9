-- distributed RIGHT JOIN reference on the distribution column: the mirrored form of reference LEFT JOIN distributed (reference 6.2)
-- expect: multi-shard, 32 tasks with per-task hash-range filters on tiers
SELECT t.label, c.name FROM customers c RIGHT JOIN tiers t ON t.id = c.id;
