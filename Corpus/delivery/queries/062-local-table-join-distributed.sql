-- the local table joined with a distributed table: recursively planned
-- expect: unsupported (recursive planning of local tables); Citus: subplan over promo_codes + 32 tasks
SELECT p.code, count(*) AS uses, sum(o.subtotal * p.discount_pct / 100) AS discount FROM orders o JOIN promo_codes p ON p.code = o.promo_code GROUP BY p.code ORDER BY p.code;
