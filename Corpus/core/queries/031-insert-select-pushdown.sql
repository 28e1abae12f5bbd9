-- INSERT ... SELECT, colocated, distribution column passed through unchanged (reference 3.8 strategy 1; customers above 250 so order_stats has no conflict)
-- expect: unsupported (INSERT ... SELECT); Citus: pushdown, one task per target shard with customer_id IS NOT NULL added
INSERT INTO order_stats (customer_id, n, total)
SELECT customer_id, count(*), sum(amount) FROM orders WHERE customer_id > 250 GROUP BY customer_id;
