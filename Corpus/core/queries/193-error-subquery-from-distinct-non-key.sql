-- a FROM subquery with DISTINCT on a column other than the distribution column: the same value comes from several shards
-- expect: unsupported (recursive planning)
SELECT count(*) FROM (SELECT DISTINCT status FROM orders) s;
