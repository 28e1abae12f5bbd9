-- top-level UNION of two non-colocated tables
-- expect: unsupported (set operation across shards)
SELECT user_id FROM orders WHERE subtotal > 100 UNION SELECT user_id FROM reviews WHERE stars = 5;
