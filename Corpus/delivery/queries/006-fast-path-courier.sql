-- fast-path router on an int4 key with 8 shards
-- expect: fast-path router, 1 task
SELECT courier_id, name, vehicle, rating FROM couriers WHERE courier_id = 17;
