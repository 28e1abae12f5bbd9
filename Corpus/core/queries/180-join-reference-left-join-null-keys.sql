-- reference LEFT JOIN distributed on the distribution column, the reference key int and NULL in some rows, duplicated in others: each reference row is kept by exactly one task (NULL keys by the first)
-- expect: multi-shard, 32 tasks with per-task hash-range filters on customer_notes (hashint8 of the int key)
SELECT n.note_id, n.customer_id, c.name FROM customer_notes n LEFT JOIN customers c ON n.customer_id = c.id;
