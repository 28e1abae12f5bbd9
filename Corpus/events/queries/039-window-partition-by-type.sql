-- window partitioned by a non-distribution column: coordinator WindowAgg
-- expect: multi-shard, 32 tasks; coordinator WindowAgg
SELECT event_id, type_id, rank() OVER (PARTITION BY type_id ORDER BY amount DESC NULLS LAST, event_id) AS r FROM events WHERE amount IS NOT NULL;
