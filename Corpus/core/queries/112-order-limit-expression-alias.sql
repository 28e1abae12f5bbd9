-- ORDER BY an output alias with a tie-breaker (reference 5.4)
-- expect: multi-shard, 32 tasks; worker ORDER BY (amount * '2'::numeric) DESC, id LIMIT '3'::bigint
SELECT id, amount * 2 AS a2 FROM orders ORDER BY a2 DESC, id LIMIT 3;
