-- pruning table 4.2: id = abs(-5), folded immutable function
-- expect: router (not fast path), 1 task
SELECT * FROM customers WHERE id = abs(-5);
