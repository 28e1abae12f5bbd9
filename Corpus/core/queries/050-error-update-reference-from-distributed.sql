-- UPDATE of a reference table joined with a distributed table (reference 3.9, 8; the message ends with a space)
-- expect: error: only reference tables may be queried when targeting a reference table with multi shard UPDATE/DELETE queries with multiple tables 
UPDATE countries k SET name = c.name FROM customers c WHERE c.country = k.code;
