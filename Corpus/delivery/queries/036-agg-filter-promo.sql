-- FILTER clauses with promo codes
-- expect: multi-shard, 32 tasks
SELECT count(*) FILTER (WHERE promo_code IS NOT NULL) AS with_promo, sum(subtotal) FILTER (WHERE promo_code = 'WELCOME10') AS welcome_revenue, max(tip) FILTER (WHERE status = 'delivered') AS max_tip FROM orders;
