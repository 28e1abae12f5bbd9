-- reference LEFT JOIN distributed with the key equality under OR: a reference row can match rows of every shard
-- expect: unsupported (recursive planning)
SELECT n.note_id, c.name FROM customer_notes n LEFT JOIN customers c ON n.customer_id = c.id OR c.score = 99;
