-- multi-shard UPDATE ... FROM a reference table
-- expect: multi-shard modify, 32 tasks, cities shard in each
UPDATE restaurants r SET address = coalesce(r.address, 'unknown') || ', ' || c.name FROM cities c WHERE c.city_id = r.city_id AND c.country = 'FR' RETURNING r.restaurant_id, r.address;
