-- stddev_samp/var_pop over numeric tips and bool_or/every over restaurants
-- expect: multi-shard, 32 tasks; row gather for the numeric statistics
SELECT r.city_id, round(stddev_samp(o.tip), 6) AS sd, round(var_pop(o.tip), 6) AS vp, bool_or(r.is_open) AS any_open, every(o.tip IS NOT NULL) AS all_tipped
FROM restaurants r JOIN orders o ON o.restaurant_id = r.restaurant_id
GROUP BY r.city_id ORDER BY r.city_id;
