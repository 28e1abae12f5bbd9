-- GROUPING SETS fail even when grouped by the distribution column (reference 5.3)
-- expect: error: could not run distributed query with GROUPING SETS, CUBE, or ROLLUP
SELECT customer_id, status, count(*) FROM orders GROUP BY GROUPING SETS ((customer_id), (customer_id, status));
