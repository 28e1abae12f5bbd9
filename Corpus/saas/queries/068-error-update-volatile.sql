-- UPDATE with a volatile function (clock_timestamp), single tenant
-- expect: error: functions used in UPDATE queries on distributed tables must not be VOLATILE
UPDATE users SET last_login = clock_timestamp() WHERE tenant_id = 3 AND user_id = 202;
