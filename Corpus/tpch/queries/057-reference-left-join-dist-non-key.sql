-- reference LEFT JOIN distributed on a non-distribution column: distributed side recursively planned
-- expect: unsupported (recursive planning)
SELECT n_name, count(s_suppkey) AS suppliers FROM nation LEFT JOIN supplier ON s_nationkey = n_nationkey GROUP BY n_name ORDER BY n_name;
