-- min, max, bool_and, bool_or, every, bit_and, bit_or: the same aggregate on the workers and over remote_scan (reference 5.2)
-- expect: multi-shard, 32 tasks
SELECT min(amount), max(created_at), bool_and(amount > 0), bool_or(status = 'paid'), every(flags < 16), bit_and(flags), bit_or(flags) FROM orders;
