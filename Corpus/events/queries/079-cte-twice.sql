-- CTE referenced twice (per-device counts compared with the average): subplan
-- expect: unsupported (CTE not inlined); Citus: subplan + tasks over the intermediate result
WITH per_device AS (SELECT device_id, count(*) AS n FROM events WHERE value > 60 GROUP BY device_id)
SELECT p.device_id, p.n FROM per_device p WHERE p.n > (SELECT avg(n) FROM per_device) ORDER BY p.device_id;
