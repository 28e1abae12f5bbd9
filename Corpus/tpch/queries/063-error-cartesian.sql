-- cartesian product of part and supplier
-- expect: error: cannot perform distributed planning on this query (DETAIL Cartesian products are currently unsupported)
SELECT count(*) FROM part, supplier;
