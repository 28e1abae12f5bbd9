-- non-colocated join: customers.id = orders.id, orders is distributed by customer_id (reference 3.5, 8)
-- expect: error: the query contains a join that requires repartitioning (HINT Set citus.enable_repartition_joins to on to enable repartitioning); with repartitioning on: dual-partition join, 2 MapMergeJobs, 12 merge tasks
SELECT count(*) FROM customers c JOIN orders o ON c.id = o.id;
