-- INSERT ... VALUES single row: fast path, routed by hashing 1001 (reference 3.7)
-- expect: fast-path router (INSERT), 1 task on customers_102031, target without alias
INSERT INTO customers (id, name, country, score) VALUES (1001, 'x', 'DE', 1);
