-- UPDATE of a reference table joined with a distributed table
-- expect: error: only reference tables may be queried when targeting a reference table with multi shard UPDATE/DELETE queries with multiple tables 
UPDATE cuisine_types t SET is_vegetarian_friendly = false FROM restaurants r WHERE r.cuisine_id = t.cuisine_id AND r.rating < 2.7;
