-- reference LEFT JOIN distributed on an expression of the reference key: not provably within one shard, so not pushed down
-- expect: unsupported (recursive planning)
SELECT n.note_id, c.name FROM customer_notes n LEFT JOIN customers c ON n.customer_id + 0 = c.id;
