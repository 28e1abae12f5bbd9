-- GROUP BY the distribution column, ORDER BY an aggregate: LIMIT pushed (reference 5.4; the top sums are distinct in this data)
-- expect: multi-shard, 32 tasks; worker ... GROUP BY customer_id ORDER BY (sum(amount)) DESC LIMIT '3'::bigint
SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id ORDER BY 2 DESC LIMIT 3;
