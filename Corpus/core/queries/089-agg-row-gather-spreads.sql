-- one non-combinable aggregate (string_agg) switches every aggregate at the level to row gather (reference 5.2, 10.6); wrapped in cardinality/length so the result does not depend on row order
-- expect: multi-shard, 32 tasks, worker sends raw amount, status and ','::text columns (with citus.coordinator_aggregation_strategy = disabled: error: unsupported aggregate function string_agg)
SELECT cardinality(array_agg(amount)) AS n_amounts, length(string_agg(status, ',')) AS status_chars FROM orders;
