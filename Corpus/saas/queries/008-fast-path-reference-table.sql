-- fast-path router on a reference table: any WHERE is allowed
-- expect: fast-path router (reference), 1 task on the first placement
SELECT plan_id, name, monthly_price FROM plans WHERE monthly_price > 10 ORDER BY plan_id;
