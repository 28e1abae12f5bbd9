-- min/max over dates and bool_and/bool_or per status
-- expect: multi-shard, 32 tasks
SELECT o_orderstatus, min(o_orderdate), max(o_orderdate), bool_and(o_totalprice > 0) AS all_positive, bool_or(o_comment LIKE '%special%') AS any_special
FROM orders GROUP BY o_orderstatus ORDER BY o_orderstatus;
