-- fast-path router: device detail page, equality on the int4 distribution column
-- expect: fast-path router, 1 task
SELECT device_id, model, firmware, region, tags FROM devices WHERE device_id = 42;
