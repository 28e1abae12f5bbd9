-- ROLLUP in a multi-shard query (reference 5.3, 8)
-- expect: error: could not run distributed query with GROUPING SETS, CUBE, or ROLLUP (HINT Consider using an equality filter on the distributed table's partition column.)
SELECT status, count(*) FROM orders GROUP BY ROLLUP (status);
