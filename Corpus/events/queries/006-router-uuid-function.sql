-- equality with an immutable function of a constant (md5(...)::uuid is folded): router, not fast path
-- expect: router, 1 task
SELECT session_id, device_id, bytes FROM sessions WHERE session_id = md5('s18')::uuid;
