-- DISTINCT ON the distribution column (reference 5.5): largest order per customer
-- expect: multi-shard, 32 tasks; coordinator Unique over Sort
SELECT DISTINCT ON (customer_id) customer_id, id, amount FROM orders ORDER BY customer_id, amount DESC;
