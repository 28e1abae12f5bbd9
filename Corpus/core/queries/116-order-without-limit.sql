-- ORDER BY without LIMIT: workers do not sort (reference 5.4)
-- expect: multi-shard, 32 tasks; coordinator Sort only
SELECT id, amount FROM orders WHERE flags = 3 ORDER BY amount;
