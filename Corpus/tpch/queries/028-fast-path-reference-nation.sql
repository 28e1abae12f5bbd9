-- fast-path router on a reference table
-- expect: fast-path router (reference), 1 task on the first placement
SELECT n_nationkey, n_name FROM nation WHERE n_regionkey = 2 ORDER BY n_nationkey;
