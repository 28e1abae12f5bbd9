-- UPDATE ... FROM a non-colocated table
-- expect: error: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns
UPDATE orders o SET tip = 0 FROM users u WHERE u.user_id = o.user_id AND NOT u.is_premium AND o.tip IS NULL;
