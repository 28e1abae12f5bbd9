-- NOT MATERIALIZED forces inlining even with two references (reference 7.4)
-- expect: multi-shard (both references inlined as colocated subqueries); 32 tasks
WITH o AS NOT MATERIALIZED (SELECT customer_id, amount FROM orders)
SELECT a.customer_id, count(*) FROM o a JOIN o b ON a.customer_id = b.customer_id WHERE a.amount > b.amount GROUP BY a.customer_id;
