-- two FROM subqueries grouped by the distribution column, joined on it, top 5 by total
-- expect: multi-shard, 16 tasks (subqueries pushed down); coordinator sorts and limits
SELECT a.tenant_id, a.n, b.total FROM (SELECT tenant_id, count(*) AS n FROM users GROUP BY tenant_id) a JOIN (SELECT tenant_id, sum(amount) AS total FROM invoices GROUP BY tenant_id) b ON a.tenant_id = b.tenant_id ORDER BY b.total DESC, a.tenant_id LIMIT 5;
