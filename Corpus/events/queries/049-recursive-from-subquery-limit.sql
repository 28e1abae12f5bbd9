-- FROM subquery with ORDER BY ... LIMIT, joined back: recursively planned
-- expect: unsupported (recursive planning)
SELECT d.device_id, d.model, top.n FROM devices d JOIN (SELECT device_id, count(*) AS n FROM events GROUP BY device_id ORDER BY n DESC, device_id LIMIT 5) top ON top.device_id = d.device_id;
