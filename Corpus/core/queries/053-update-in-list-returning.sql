-- multi-shard UPDATE pruned by an IN list, with RETURNING (reference 3.9)
-- expect: multi-shard modify, 2 tasks; RETURNING rows concatenated
UPDATE orders SET flags = flags + 1 WHERE customer_id IN (7, 8) RETURNING id, customer_id, flags;
