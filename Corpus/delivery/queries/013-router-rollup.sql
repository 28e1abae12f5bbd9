-- router: ROLLUP of one restaurant's orders by status and day
-- expect: fast-path router, 1 task
SELECT status, date_trunc('week', placed_at)::date AS week, count(*), sum(subtotal)
FROM orders WHERE restaurant_id = 20
GROUP BY ROLLUP (status, date_trunc('week', placed_at)::date)
ORDER BY status NULLS LAST, week NULLS LAST;
