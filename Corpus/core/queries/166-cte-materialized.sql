-- MATERIALIZED CTE: always a subplan, outer filter not pushed into it (reference 7.4)
-- expect: unsupported (CTE not inlined); Citus: subplan over 32 shards, filter on the coordinator
WITH big AS MATERIALIZED (SELECT * FROM orders WHERE amount > 50)
SELECT count(*) FROM big WHERE customer_id = 3;
