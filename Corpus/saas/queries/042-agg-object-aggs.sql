-- json_object_agg and jsonb_object_agg, not grouped by the distribution column (json_cat_agg / jsonb_cat_agg); keys are unique, the json one is cast to jsonb so key order does not matter
-- expect: multi-shard, 16 tasks; coordinator json_cat_agg and jsonb_cat_agg
SELECT json_object_agg(tenant_id, name)::jsonb AS names, jsonb_object_agg(tenant_id, plan_id) AS plans FROM tenants WHERE country = 'CH';
