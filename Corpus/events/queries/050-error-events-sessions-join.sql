-- non-colocated join: events joined to sessions on session_id (sessions is distributed by uuid)
-- expect: error: the query contains a join that requires repartitioning
SELECT s.user_agent, count(*) FROM events e JOIN sessions s ON s.session_id = e.session_id GROUP BY s.user_agent;
