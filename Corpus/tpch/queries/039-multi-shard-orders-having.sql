-- GROUP BY non-distribution columns with HAVING on the coordinator
-- expect: multi-shard, 32 tasks
SELECT o_orderpriority, o_orderstatus, count(*), avg(o_totalprice) FROM orders GROUP BY o_orderpriority, o_orderstatus HAVING count(*) > 10 ORDER BY o_orderpriority, o_orderstatus;
