-- pruning: WHERE false (reference 3.3, 4.2)
-- expect: router (zero-shard task on the local node)
SELECT count(*) FROM customers WHERE false;
