-- FOR UPDATE with an aggregate: a PostgreSQL error, raised even on the router path (reference 8)
-- expect: error (PostgreSQL): FOR UPDATE is not allowed with aggregate functions
SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 5 FOR UPDATE;
