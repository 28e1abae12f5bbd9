-- reference tables only: router, first placement (the coordinator) (reference 3.3, 6.2)
-- expect: router (reference tables only), 1 task on 127.0.0.1:9700
SELECT k.code, k.name, t.label FROM countries k JOIN tiers t ON t.id = length(k.code) ORDER BY k.code, t.id;
