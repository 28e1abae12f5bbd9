-- DELETE routed to one order
-- expect: fast-path router (modify), 1 task
DELETE FROM lineitem WHERE l_orderkey = 1500 AND l_linenumber > 1;
