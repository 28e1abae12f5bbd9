-- reference LEFT JOIN distributed keeping only the unmatched reference rows (WHERE on the null-extended side)
-- expect: multi-shard, 32 tasks with per-task hash-range filters
SELECT n.note_id, n.customer_id FROM customer_notes n LEFT JOIN customers c ON c.id = n.customer_id WHERE c.id IS NULL ORDER BY n.note_id;
