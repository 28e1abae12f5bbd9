-- FOR UPDATE in a multi-shard query (reference 8)
-- expect: error: could not run distributed query with FOR UPDATE/SHARE commands (HINT Consider using an equality filter on the distributed table's partition column.)
SELECT * FROM customers FOR UPDATE;
