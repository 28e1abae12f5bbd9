-- the INSERT ... SELECT whose EXPLAIN ANALYZE Citus refuses (reference 8: EXPLAIN ANALYZE is currently not supported for INSERT ... SELECT commands with repartitioning); shardplan format cannot print EXPLAIN, so only the statement is here
-- expect: unsupported (INSERT ... SELECT); Citus: repartition
INSERT INTO order_stats (customer_id, n) SELECT id, flags FROM orders WHERE id BETWEEN 251 AND 400;
