-- reference JOIN local table: one router task on the coordinator, local table keeps its name (reference 6.5)
-- expect: router, 1 task on 127.0.0.1:9700
SELECT k.code, k.name, l.k FROM countries k JOIN local_t l ON l.v = k.code ORDER BY l.k;
