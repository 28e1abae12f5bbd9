-- ROLLUP across all tenants
-- expect: error: could not run distributed query with GROUPING SETS, CUBE, or ROLLUP
SELECT state, priority, count(*) FROM tasks GROUP BY ROLLUP (state, priority);
