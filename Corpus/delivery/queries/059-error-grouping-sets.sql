-- GROUPING SETS across all restaurants
-- expect: error: could not run distributed query with GROUPING SETS, CUBE, or ROLLUP
SELECT status, courier_id IS NULL AS unassigned, count(*) FROM orders GROUP BY GROUPING SETS ((status), (courier_id IS NULL));
