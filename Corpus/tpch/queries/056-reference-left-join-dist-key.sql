-- reference LEFT JOIN distributed on the distribution column (recurring outer join pushdown)
-- expect: multi-shard, 16 tasks with hash-range filters on nation
SELECT n_nationkey, n_name, c_name FROM nation LEFT JOIN customer ON c_custkey = n_nationkey;
