-- HAVING on a non-distribution grouping (coordinator)
-- expect: multi-shard, 32 tasks
SELECT courier_id, count(*) AS deliveries FROM orders WHERE courier_id IS NOT NULL GROUP BY courier_id HAVING count(*) > 41 ORDER BY courier_id;
