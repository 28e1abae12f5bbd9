-- fast-path router with a parameter for the distribution key: deferred pruning in a generic plan (reference 3.10)
-- params: $1 = 42
-- expect: fast-path router (deferred pruning), 1 task on customers_102035 for 42
SELECT * FROM customers WHERE id = $1;
