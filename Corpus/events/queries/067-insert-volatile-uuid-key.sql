-- INSERT whose distribution value comes from a volatile function (gen_random_uuid), evaluated on the coordinator before routing; volatile by design
-- expect: fast-path router (INSERT), 1 task, shard chosen from the generated uuid
INSERT INTO sessions (session_id, device_id, started_at) VALUES (gen_random_uuid(), 42, timestamptz '2024-05-20 10:00:00+00');
