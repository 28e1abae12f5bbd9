-- top-level UNION: each branch is a subplan, the union runs as one task (reference 7.5)
-- expect: unsupported (set operation across shards); Citus: subplans for each leaf, 1 task
SELECT id FROM customers WHERE score = 1 UNION SELECT customer_id FROM orders WHERE amount < 1;
