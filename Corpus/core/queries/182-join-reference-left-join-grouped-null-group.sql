-- reference LEFT JOIN distributed, grouped by the reference key: the NULL-key group comes from one task only; an extra ON condition on the distributed side
-- expect: multi-shard, 32 tasks; partial counts merged on the coordinator
SELECT n.customer_id, count(c.id) AS matched, count(*) AS notes FROM customer_notes n LEFT JOIN customers c ON c.id = n.customer_id AND c.score > 10 GROUP BY n.customer_id ORDER BY n.customer_id NULLS FIRST;
