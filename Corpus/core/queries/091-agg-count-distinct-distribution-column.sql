-- count(DISTINCT distcol): values cannot repeat across shards, so the coordinator sums (reference 5.2)
-- expect: multi-shard, 32 tasks; worker count(DISTINCT customer_id)
SELECT count(DISTINCT customer_id) FROM orders;
