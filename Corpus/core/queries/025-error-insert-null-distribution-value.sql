-- INSERT with NULL in the distribution column (reference 3.7, 8)
-- expect: error: cannot perform an INSERT with NULL in the partition column
-- expect: error (PostgreSQL): null value in column "id" violates not-null constraint
INSERT INTO customers VALUES (NULL, 'x');
