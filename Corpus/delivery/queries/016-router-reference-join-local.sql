-- reference table joined with the local table: one task on the coordinator
-- expect: router, 1 task on 127.0.0.1:9700 (local table keeps its name)
SELECT p.code, p.discount_pct, t.name AS cuisine FROM promo_codes p LEFT JOIN cuisine_types t ON t.cuisine_id = p.cuisine_id ORDER BY p.code;
