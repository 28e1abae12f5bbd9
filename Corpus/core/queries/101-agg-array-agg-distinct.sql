-- array_agg(DISTINCT): row gather; DISTINCT sorts the input, so the array is deterministic (reference 5.2)
-- expect: multi-shard, 32 tasks
SELECT array_agg(DISTINCT status) FROM orders;
