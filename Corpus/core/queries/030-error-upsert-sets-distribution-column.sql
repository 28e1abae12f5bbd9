-- upsert whose DO UPDATE sets the distribution column (reference 3.7, 8)
-- expect: error: modifying the partition value of rows is not allowed
INSERT INTO customers (id, name) VALUES (1001, 'x') ON CONFLICT (id) DO UPDATE SET id = 5;
