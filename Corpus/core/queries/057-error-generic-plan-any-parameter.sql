-- multi-shard query with an array parameter; under plan_cache_mode = force_generic_plan Citus cannot plan it (reference 3.10, 8)
-- params: $1 = '{1,2}'
-- expect: custom plan: multi-shard, 2 tasks; with force_generic_plan: error: could not create distributed plan (DETAIL Possibly this is caused by the use of parameters in SQL functions, which is not supported in Citus.)
SELECT count(*) FROM customers WHERE id = ANY($1);
