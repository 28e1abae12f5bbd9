-- multi-shard UPDATE ... FROM a reference table
-- expect: multi-shard modify, 32 tasks, regions shard in each
UPDATE devices d SET tags = coalesce(d.tags, '{}'::jsonb) || jsonb_build_object('tz', r.utc_offset::text)
FROM regions r WHERE r.code = d.region AND r.utc_offset IS NOT NULL
RETURNING d.device_id, d.tags;
