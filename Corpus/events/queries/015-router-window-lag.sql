-- router: window not partitioned by the distribution column is fine on one shard (time between events)
-- expect: fast-path router, 1 task
SELECT event_id, occurred_at, occurred_at - lag(occurred_at) OVER (ORDER BY occurred_at, event_id) AS gap FROM events WHERE device_id = 31;
