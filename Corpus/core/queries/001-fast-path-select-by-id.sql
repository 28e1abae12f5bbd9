-- fast-path router: equality on the distribution column, * expanded (reference 3.2)
-- expect: fast-path router, 1 task on customers_102035 (127.0.0.1:9702)
SELECT * FROM customers WHERE id = 42;
