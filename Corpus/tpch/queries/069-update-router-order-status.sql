-- UPDATE one order (router) with RETURNING
-- expect: fast-path router (modify), 1 task
UPDATE orders SET o_orderstatus = 'F', o_comment = o_comment || ' (closed)' WHERE o_orderkey = 7 RETURNING o_orderkey, o_orderstatus;
