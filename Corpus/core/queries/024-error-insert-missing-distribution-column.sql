-- INSERT without the distribution column (reference 3.7, 8)
-- expect: error: cannot perform an INSERT without a partition column value
-- expect: error (PostgreSQL): null value in column "id" violates not-null constraint (id is the primary key)
INSERT INTO customers (name) VALUES ('x');
