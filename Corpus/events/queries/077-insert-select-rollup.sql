-- INSERT ... SELECT rollup from raw events into a colocated table (distribution column passed through, GROUP BY includes it)
-- expect: unsupported (INSERT ... SELECT); Citus: pushdown, 32 tasks with ON CONFLICT kept
INSERT INTO hourly_rollup (device_id, hour, type_id, n, total)
SELECT device_id, date_trunc('hour', occurred_at), type_id, count(*), sum(amount)
FROM events WHERE occurred_at >= timestamptz '2024-05-02 00:00:00+00' AND occurred_at < timestamptz '2024-05-03 00:00:00+00'
GROUP BY device_id, date_trunc('hour', occurred_at), type_id
ON CONFLICT (device_id, hour, type_id) DO UPDATE SET n = excluded.n, total = excluded.total;
