-- UPDATE with a volatile function
-- expect: error: functions used in UPDATE queries on distributed tables must not be VOLATILE
UPDATE orders SET o_shippriority = (random() * 3)::int WHERE o_orderdate > date '1998-07-01';
