-- INSERT ... SELECT pushdown keeps ON CONFLICT and RETURNING (reference 3.8); all customers, conflicting with the loaded rows 1..250
-- expect: unsupported (INSERT ... SELECT); Citus: pushdown, 32 tasks, RETURNING rows concatenated
INSERT INTO order_stats (customer_id, n, total)
SELECT customer_id, count(*), sum(amount) FROM orders GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET n = excluded.n, total = excluded.total
RETURNING customer_id, n, total;
