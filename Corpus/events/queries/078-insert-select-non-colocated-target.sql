-- INSERT ... SELECT into a table of another colocation group (alerts)
-- expect: unsupported (INSERT ... SELECT); Citus: repartition (no pushdown across colocation groups)
INSERT INTO alerts (device_id, alert_id, severity, message, raised_at)
SELECT device_id, 10000 + event_id, 5, 'crash detected', occurred_at FROM events WHERE type_id = 8 AND value > 90;
