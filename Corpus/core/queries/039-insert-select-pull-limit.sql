-- INSERT ... SELECT with ORDER BY ... LIMIT (reference 3.8 strategy 3)
-- expect: unsupported (INSERT ... SELECT); Citus: pull to coordinator
INSERT INTO order_stats (customer_id, n)
SELECT customer_id, count(*) FROM orders WHERE customer_id > 250 GROUP BY customer_id ORDER BY customer_id LIMIT 10;
