-- fast-path router on customer (16 shards)
-- expect: fast-path router, 1 task
SELECT c_custkey, c_name, c_nationkey, c_acctbal, c_mktsegment FROM customer WHERE c_custkey = 42;
