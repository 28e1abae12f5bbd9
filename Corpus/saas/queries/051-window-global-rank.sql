-- window over an aggregate grouped by the distribution column, ranking across tenants: coordinator WindowAgg
-- expect: multi-shard, 16 tasks; coordinator WindowAgg
SELECT tenant_id, sum(amount) AS revenue, dense_rank() OVER (ORDER BY sum(amount) DESC) AS rnk FROM invoices GROUP BY tenant_id;
