-- recursive planning: FROM subquery with ORDER BY ... LIMIT becomes subplan, then joined (reference 3.6)
-- expect: unsupported (shardplan: recursive planning not implemented yet); Citus: subplan 1 (32 tasks, worker LIMIT 10) + 32 tasks reading the intermediate result
SELECT count(*) FROM customers c JOIN (SELECT customer_id FROM orders ORDER BY amount DESC LIMIT 10) top ON top.customer_id = c.id;
