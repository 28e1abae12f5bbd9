-- ordered-set aggregate: row gather (reference 5.2)
-- expect: multi-shard, 32 tasks; worker sends raw amount
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FROM orders;
