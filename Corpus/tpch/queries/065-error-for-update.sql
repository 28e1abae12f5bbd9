-- FOR UPDATE on a multi-shard query
-- expect: error: could not run distributed query with FOR UPDATE/SHARE commands
SELECT o_orderkey FROM orders WHERE o_orderstatus = 'P' FOR UPDATE;
