-- join of the int4 distribution column with an int8 column of a non-colocated table
-- expect: error: complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator
SELECT count(*) FROM devices d JOIN sessions s ON s.bytes = d.device_id;
