-- json_agg with ORDER BY inside, grouped by the distribution column (ordered, so deterministic)
-- expect: multi-shard, 16 tasks; grouped by the distribution column so computed on the workers
SELECT tenant_id, json_agg(json_build_object('id', project_id, 'name', name) ORDER BY project_id) AS projects FROM projects GROUP BY tenant_id;
