-- window over an aggregate grouped by the distribution column: window on the coordinator (reference 5.6; sums are distinct for the top ranks, ties get equal rank)
-- expect: multi-shard, 32 tasks; worker GROUP BY customer_id; coordinator WindowAgg over Sort (remote_scan.sum DESC)
SELECT customer_id, sum(amount), rank() OVER (ORDER BY sum(amount) DESC) FROM orders GROUP BY customer_id;
