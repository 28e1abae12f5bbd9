-- router: reference tables only (price list in every currency)
-- expect: router (reference tables only), 1 task on the first placement
SELECT p.name, c.code, round(p.monthly_price / c.usd_rate, 2) AS local_price
FROM plans p CROSS JOIN currencies c
ORDER BY p.plan_id, c.code;
