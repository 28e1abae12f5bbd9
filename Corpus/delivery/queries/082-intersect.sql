-- INTERSECT across colocation groups
-- expect: unsupported (set operation across shards)
SELECT restaurant_id FROM orders WHERE status = 'cancelled' INTERSECT SELECT restaurant_id FROM reviews WHERE stars <= 2;
