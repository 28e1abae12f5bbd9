-- CTE referenced twice: subplan
-- expect: unsupported (CTE not inlined)
WITH per_restaurant AS (SELECT restaurant_id, sum(subtotal) AS revenue FROM orders GROUP BY restaurant_id)
SELECT restaurant_id, revenue FROM per_restaurant WHERE revenue >= (SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY revenue) FROM per_restaurant) ORDER BY restaurant_id;
