-- join between an int8 and an int4 distribution column: different colocation groups and types (reference 8)
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM customers c JOIN events e ON c.id = e.device_id;
