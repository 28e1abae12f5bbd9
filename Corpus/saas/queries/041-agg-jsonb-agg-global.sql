-- jsonb_agg with ORDER BY inside over all shards: row gather
-- expect: multi-shard, 16 tasks
SELECT jsonb_agg(jsonb_build_object('plan', plan_id, 'tenant', tenant_id) ORDER BY tenant_id) FROM tenants WHERE signup_date >= date '2023-11-01';
