-- INSERT ... SELECT needing a merge step: GROUP BY status into a text-distributed table (reference 3.8 strategy 3)
-- expect: unsupported (INSERT ... SELECT); Citus: pull to coordinator, HashAggregate over 32 tasks
INSERT INTO status_stats (status, n) SELECT status, count(*) FROM orders GROUP BY status;
