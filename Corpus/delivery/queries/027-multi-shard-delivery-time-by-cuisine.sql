-- colocated join with a reference table: average delivery minutes per cuisine (numeric, exact)
-- expect: multi-shard, 32 tasks
SELECT t.name, round(avg(extract(epoch FROM o.delivered_at - o.placed_at) / 60), 2) AS avg_minutes, count(*)
FROM orders o JOIN restaurants r ON r.restaurant_id = o.restaurant_id JOIN cuisine_types t ON t.cuisine_id = r.cuisine_id
WHERE o.delivered_at IS NOT NULL
GROUP BY t.name ORDER BY t.name;
