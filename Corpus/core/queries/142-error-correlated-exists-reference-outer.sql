-- correlated subquery whose outer FROM is a reference table (reference 6.2, 7.3, 8)
-- expect: error: correlated subqueries are not supported when the FROM clause contains a reference table
SELECT count(*) FROM countries k WHERE EXISTS (SELECT 1 FROM customers c WHERE c.country = k.code);
