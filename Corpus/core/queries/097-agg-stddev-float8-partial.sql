-- stddev(float8) has a combine function: worker_partial_agg / coord_combine_agg (reference 5.2); rounded because the float result depends on summation order
-- expect: multi-shard, 32 tasks; worker_partial_agg('stddev(double precision)'::regprocedure, ...)
SELECT round(stddev(amount::float8)::numeric, 6) FROM orders;
