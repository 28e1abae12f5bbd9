-- supplier (4 shards) joined with nation
-- expect: multi-shard, 4 tasks
SELECT s_suppkey, s_name, n_name FROM supplier JOIN nation ON n_nationkey = s_nationkey ORDER BY s_suppkey;
