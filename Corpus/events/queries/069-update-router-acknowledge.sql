-- UPDATE routed to one device with RETURNING
-- expect: fast-path router (modify), 1 task
UPDATE alerts SET acknowledged = true WHERE device_id = 8 AND NOT acknowledged RETURNING alert_id, severity;
