-- pruning table 4.2: id = 1 AND (score = 2 OR id = 3)
-- expect: router, 1 task (key appears twice, so not fast path)
SELECT * FROM customers WHERE id = 1 AND (score = 2 OR id = 3);
