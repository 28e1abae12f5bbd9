-- ORDER BY ... LIMIT 5 OFFSET 10: worker LIMIT limit+offset = 15 (reference 5.4; amounts are unique)
-- expect: multi-shard, 32 tasks; worker ORDER BY amount DESC LIMIT '15'::bigint; coordinator Limit (5 offset 10)
SELECT * FROM orders ORDER BY amount DESC LIMIT 5 OFFSET 10;
