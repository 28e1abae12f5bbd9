-- INSERT ... SELECT where the target distribution column receives a non-distribution column (reference 3.8 strategy 2)
-- expect: unsupported (INSERT ... SELECT); Citus: repartition, worker SQL casts int8(flags) AS n
INSERT INTO order_stats (customer_id, n) SELECT id, flags FROM orders WHERE id > 250;
