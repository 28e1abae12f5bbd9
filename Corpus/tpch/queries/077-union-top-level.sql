-- top-level UNION of keys from non-colocated tables
-- expect: unsupported (set operation across shards)
SELECT c_nationkey AS nationkey FROM customer WHERE c_acctbal > 9000 UNION SELECT s_nationkey FROM supplier;
