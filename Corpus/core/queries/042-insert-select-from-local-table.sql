-- INSERT ... SELECT from a local table into a distributed table (reference 3.8)
-- expect: unsupported (INSERT ... SELECT); Citus: pull to coordinator
INSERT INTO order_stats (customer_id, n) SELECT k + 1000, count(*) FROM local_t GROUP BY k;
