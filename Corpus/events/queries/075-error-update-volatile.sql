-- UPDATE with a volatile function on many shards
-- expect: error: functions used in UPDATE queries on distributed tables must not be VOLATILE
UPDATE alerts SET severity = (1 + floor(random() * 5))::smallint WHERE NOT acknowledged;
