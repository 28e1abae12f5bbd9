-- fast-path router on a uuid distribution column (sessions), literal uuid = md5('s17')
-- expect: fast-path router, 1 task (uuid hashing)
SELECT session_id, device_id, started_at, ended_at, user_agent FROM sessions WHERE session_id = 'c69fe72d-ddb4-b914-f068-722892a7f275';
