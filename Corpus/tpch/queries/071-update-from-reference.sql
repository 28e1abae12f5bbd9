-- multi-shard UPDATE ... FROM a reference table
-- expect: multi-shard modify, 16 tasks, nation shard in each
UPDATE customer SET c_comment = c_comment || ' [' || trim(n_name) || ']' FROM nation WHERE n_nationkey = c_nationkey AND n_regionkey = 3 RETURNING c_custkey, c_comment;
