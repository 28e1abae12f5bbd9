-- the local table alone (a coordinator-local table in Citus metadata because of its foreign key)
-- expect: local query on the coordinator, 1 task
SELECT code, discount_pct, valid_until, description FROM promo_codes ORDER BY code;
