-- pruning: contradiction id = 1 AND id = 2 (reference 3.3, 4.2)
-- expect: router (zero-shard task on the local node, empty typed relation)
SELECT count(*) FROM customers WHERE id = 1 AND id = 2;
