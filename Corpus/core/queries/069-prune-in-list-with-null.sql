-- pruning table 4.2: id IN (1, NULL), the NULL element is ignored
-- expect: router, 1 task
SELECT * FROM customers WHERE id IN (1, NULL);
