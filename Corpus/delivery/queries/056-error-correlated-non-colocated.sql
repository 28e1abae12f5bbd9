-- correlated EXISTS into a table of another colocation group
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
SELECT count(*) FROM restaurants r WHERE EXISTS (SELECT 1 FROM reviews v WHERE v.restaurant_id = r.restaurant_id AND v.stars = 1);
