-- cartesian product of two distributed tables
-- expect: error: cannot perform distributed planning on this query (DETAIL Cartesian products are currently unsupported)
SELECT count(*) FROM restaurants, couriers;
