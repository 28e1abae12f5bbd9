-- fast-path router on partsupp (8 shards): all suppliers of one part
-- expect: fast-path router, 1 task
SELECT ps_suppkey, ps_availqty, ps_supplycost FROM partsupp WHERE ps_partkey = 17 ORDER BY ps_suppkey;
