-- INSERT ... SELECT with a volatile function (result volatile by design) (reference 3.8)
-- expect: unsupported (INSERT ... SELECT); Citus: repartition (volatile functions are not allowed in distributed INSERT ... SELECT queries)
INSERT INTO order_stats (customer_id, n)
SELECT customer_id, (random() * 10)::bigint FROM orders WHERE customer_id > 250 GROUP BY customer_id;
