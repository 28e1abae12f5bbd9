-- multi-shard UPDATE ... FROM a reference table (reference 3.9)
-- expect: multi-shard modify, 32 tasks, reference shard countries_102072 in each
UPDATE orders o SET status = k.name FROM countries k WHERE k.code = o.status;
