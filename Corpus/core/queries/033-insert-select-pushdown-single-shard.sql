-- INSERT ... SELECT restricted to one distribution value (reference 3.8)
-- expect: unsupported (INSERT ... SELECT); Citus: pushdown, 1 task
INSERT INTO order_stats (customer_id, n, total)
SELECT customer_id, count(*), sum(amount) FROM orders WHERE customer_id = 300 GROUP BY customer_id;
