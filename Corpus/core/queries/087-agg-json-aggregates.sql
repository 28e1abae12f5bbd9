-- json_agg / json_object_agg merged with json_cat_agg, jsonb_agg / jsonb_object_agg with jsonb_cat_agg (reference 5.2); lengths and key lookups keep the result independent of row order
-- expect: multi-shard, 32 tasks; coordinator pg_catalog.json_cat_agg and pg_catalog.jsonb_cat_agg
SELECT json_array_length(json_agg(amount)) AS n_json, jsonb_array_length(jsonb_agg(amount)) AS n_jsonb,
       json_object_agg(id, status)::jsonb -> '42' AS status_of_42, jsonb_object_agg(id, flags) -> '7' AS flags_of_7
FROM orders;
