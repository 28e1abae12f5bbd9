-- stddev over numeric has an internal transition type: row gather (reference 5.2)
-- expect: multi-shard, 32 tasks; worker sends raw amount
SELECT stddev(amount), variance(amount) FROM orders;
