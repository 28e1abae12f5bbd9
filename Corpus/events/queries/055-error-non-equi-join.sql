-- non-equi join between two distributed tables without a distribution-column equality
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM hourly_rollup h JOIN events e ON e.occurred_at >= h.hour AND e.occurred_at < h.hour + interval '1 hour' WHERE h.device_id = 3;
