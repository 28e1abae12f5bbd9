-- colocated FULL JOIN between two rollup tables on the distribution column and the day
-- expect: multi-shard, 32 tasks
SELECT coalesce(h.device_id, r.device_id) AS device_id, h.n, r.events
FROM (SELECT device_id, sum(n) AS n FROM hourly_rollup GROUP BY device_id) h
FULL JOIN daily_rollup r ON r.device_id = h.device_id AND r.day = date '2024-05-01'
WHERE coalesce(h.device_id, r.device_id) <= 30;
