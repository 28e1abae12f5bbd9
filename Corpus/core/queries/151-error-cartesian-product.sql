-- cartesian product of two distributed tables (reference 6.4, 8)
-- expect: error: cannot perform distributed planning on this query (DETAIL Cartesian products are currently unsupported)
SELECT count(*) FROM customers c, orders o;
