-- ORDER BY unique key with LIMIT/OFFSET
-- expect: multi-shard, 32 tasks; worker LIMIT 25
SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 5 OFFSET 20;
